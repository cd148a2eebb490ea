package dev.layerlint.rules.context;

import dev.layerlint.context.ContextScan;
import dev.layerlint.context.IgnoreFile;
import dev.layerlint.context.IgnorePattern;
import dev.layerlint.context.PatternMatcher;
import dev.layerlint.report.ChecklistItem;
import dev.layerlint.report.Severity;
import dev.layerlint.rules.ContextRule;
import dev.layerlint.rules.ContextRuleContext;
import dev.layerlint.rules.IgnorePatterns;
import dev.layerlint.rules.RuleInfo;
import dev.layerlint.text.Plural;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

@RuleInfo(
        id = "RequiredExclusionMissing",
        severity = Severity.WARNING,
        checklist = ChecklistItem.DOCKERIGNORE,
        summary = "Files that never belong in an image (`.git`, IDE folders, build output, `node_modules`, logs) are sent with the build context.",
        description = """
                Every file the context sends is uploaded to the builder on each build, and a `COPY .` \
                puts it in the image, where any change to it breaks the layer cache. The rule checks \
                the files that are really sent against the `requiredExclusions` (by default `.git`, \
                `.svn`, `.hg`, `.idea`, `.vscode`, `.gradle`, `target`, `build`, `**/node_modules`, \
                `**/__pycache__` and `**/*.log`) and, when a COPY or ADD copies the whole context, \
                against the `wholesaleExclusions` (by default `src/test`, `test`, `tests` and `docs`, \
                which the checklist keeps out of images). A file that a COPY or ADD reaches in for \
                stays allowed: a Maven service that runs `COPY target/*.jar /app/` needs `target/*.jar` \
                in the context, so `target/*` with `!target/*.jar` is the fix there, and the message \
                names exactly those lines. Files the ignore file itself re-includes with an exception \
                (`*` then `!target/quarkus-app/`, as Quarkus projects ship it for several Dockerfiles) \
                are sent on purpose and not reported. Copying a directory \
                that holds such files (`COPY src /app/src` with a `src/node_modules`) does not allow them. One finding for \
                each pattern, with the number of files and bytes sent.""")
public final class RequiredExclusionMissing implements ContextRule {

    @Override
    public void check(ContextRuleContext context) {
        ContextCopies copies = ContextCopies.of(context.dockerfile());
        List<IgnorePatterns> required = new ArrayList<>(context.options().requiredExclusions());
        if (copies.wholesale().isPresent()) {
            required.addAll(context.options().wholesaleExclusions());
        }
        Predicate<String> onPurpose = reincludedOnPurpose(context.scan());
        for (IgnorePatterns pattern : required) {
            List<String> sent = context.scan().sentFiles().stream()
                    .filter(file -> pattern.matches(file) && !copies.reachesInto(pattern, file) && !onPurpose.test(file))
                    .toList();
            if (sent.isEmpty()) {
                continue;
            }
            String message = "`" + pattern.text() + "` is not excluded, so the build context sends "
                    + SentFiles.count(context.scan(), sent) + " that it matches (" + SentFiles.sample(sent) + ")";
            Optional<ContextCopies.Source> copy = sent.stream().map(copies::copying).flatMap(Optional::stream).findFirst();
            String fix = fix(pattern, copies, context.ignoreFileName());
            copy.ifPresentOrElse(
                    c -> context.report(c.instruction(), message + " and " + c.shown() + " puts "
                            + Plural.choose(sent.size(), "it", "them") + " in the image" + fix),
                    () -> context.reportOnContext(message + fix));
        }
    }

    /**
     * Files that the ignore file's own exceptions re-include ({@code *} then {@code !target/quarkus-app/}): the team
     * sends them on purpose, often for another Dockerfile that shares the ignore file, so they are not reported.
     * The exceptions the classic client adds itself (for the Dockerfile and the ignore file) do not count.
     */
    private static Predicate<String> reincludedOnPurpose(ContextScan scan) {
        List<PatternMatcher> exceptions = scan.filter().matcher().patterns().stream()
                .filter(p -> p.exception() && p.line() != IgnorePattern.ADDED_BY_CLIENT)
                .map(p -> PatternMatcher.of(new IgnoreFile("", List.of(new IgnorePattern(p.line(), p.pattern(), false)))))
                .toList();
        return file -> exceptions.stream().anyMatch(matcher -> matcher.matchesOrParentMatches(file));
    }

    /**
     * The lines to add. When a COPY or ADD reaches into the area ({@code COPY target/*.jar} under {@code target}),
     * excluding the area alone would break that COPY: exclude what is inside it and re-include what the COPYs name.
     */
    private static String fix(IgnorePatterns pattern, ContextCopies copies, String ignoreFileName) {
        List<ContextCopies.Source> reaching = copies.sources().stream()
                .filter(s -> !s.wholesale() && pattern.matches(s.sample()))
                .toList();
        if (reaching.isEmpty()) {
            return "; add `" + pattern.text() + "` to " + ignoreFileName;
        }
        boolean directory = reaching.stream().allMatch(s -> insideMatchedDirectory(pattern, s.sample()));
        String area = directory ? pattern.text() + "/*" : pattern.text();
        List<String> exceptions = reaching.stream().map(s -> "`!" + s.path() + "`").distinct().toList();
        List<String> shown = reaching.stream().map(ContextCopies.Source::shown).distinct().toList();
        return "; add `" + area + "` and after it " + String.join(" and ", exceptions) + " to " + ignoreFileName
                + " (excluding `" + pattern.text() + "` alone would leave " + String.join(", ", shown)
                + " without " + Plural.choose(shown.size(), "its", "their") + " source)";
    }

    /** Whether the pattern matches a directory above {@code path} rather than only the path itself. */
    private static boolean insideMatchedDirectory(IgnorePatterns pattern, String path) {
        for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
            if (pattern.matches(path.substring(0, slash))) {
                return true;
            }
        }
        return false;
    }
}
