package dev.layerlint.rules.context;

import dev.layerlint.context.Builder;
import dev.layerlint.context.ContextScan;
import dev.layerlint.context.IgnoreFile;
import dev.layerlint.context.IgnorePattern;
import dev.layerlint.context.PatternMatcher;
import dev.layerlint.report.Severity;
import dev.layerlint.rules.ContextRule;
import dev.layerlint.rules.ContextRuleContext;
import dev.layerlint.rules.RuleInfo;

import java.util.List;
import java.util.Optional;

@RuleInfo(
        id = "CopySourceIgnored",
        severity = Severity.ERROR,
        summary = "A COPY or ADD source is excluded by the ignore file, so the build fails or copies nothing.",
        description = """
                The ignore file decides what the builder receives; a COPY source it excludes is not \
                there. A plain path (`COPY target/app.jar /app/`) then fails the build with `not \
                found`. A wildcard (`COPY target/*.jar /app/`) whose files are all excluded fails with \
                the classic builder (`no source files were specified`) and with BuildKit when its \
                directory is excluded too; when only the files are excluded (`target/*`), BuildKit \
                copies nothing and the build goes on without them. The check works from the \
                patterns, so it holds before the files exist (the goal runs in `validate`, before \
                `package` builds the jar). Fix the ignore file with an exception (`target/*` then \
                `!target/*.jar`) or copy something else.""",
        aliases = {"CopyIgnoredFile"})
public final class CopySourceIgnored implements ContextRule {

    @Override
    public void check(ContextRuleContext context) {
        ContextScan scan = context.scan();
        for (ContextCopies.Source source : ContextCopies.of(context.dockerfile()).sources()) {
            if (source.wholesale()) {
                continue;
            }
            Optional<String> excluded = source.hasWildcard()
                    ? Optional.of(source.sample()).filter(sample -> scan.isExcluded(sample)
                            && scan.sentFiles().stream().noneMatch(source::copies))
                    : Optional.of(source.path()).filter(scan::isExcluded);
            excluded.ifPresent(path -> context.report(source.instruction(), source.shown() + ": `" + source.written()
                    + "` is excluded by " + context.ignoreFileName() + excludingLine(scan, path) + ", so "
                    + consequence(scan, source) + "; re-include it with an exception such as `!" + source.path() + "`"));
        }
    }

    private static String consequence(ContextScan scan, ContextCopies.Source source) {
        if (!source.hasWildcard()) {
            return "the builder does not receive it and the build fails";
        }
        String sample = source.sample();
        String directory = sample.substring(0, Math.max(0, sample.lastIndexOf('/')));
        boolean directorySent = directory.isEmpty() || !scan.isExcluded(directory);
        return scan.filter().builder() == Builder.BUILDKIT && directorySent
                ? "it matches no file the builder receives and BuildKit copies nothing"
                : "it matches no file the builder receives and the build fails";
    }

    /** {@code  line 3 (`target`)}: the last exclusion that applies to the path; empty when none applies alone. */
    private static String excludingLine(ContextScan scan, String path) {
        List<IgnorePattern> patterns = scan.filter().matcher().patterns();
        for (int i = patterns.size() - 1; i >= 0; i--) {
            IgnorePattern pattern = patterns.get(i);
            if (!pattern.exception()
                    && PatternMatcher.of(new IgnoreFile("", List.of(pattern))).matchesOrParentMatches(path)) {
                return " line " + pattern.line() + " (`" + pattern + "`)";
            }
        }
        return "";
    }
}
