package dev.layerlint.maven;

import dev.layerlint.fix.DockerfileFiles;
import dev.layerlint.fix.FixOutcome;
import dev.layerlint.fix.Fixer;
import dev.layerlint.fix.LineDiff;
import dev.layerlint.report.AtomicFiles;
import dev.layerlint.report.Finding;
import dev.layerlint.report.GoalReport;
import dev.layerlint.rules.Linter;
import dev.layerlint.rules.RuleOptions;
import dev.layerlint.text.Plural;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Fixes what lint finds, in place: rewrites the Dockerfiles it is pointed at, changing only the characters of each fix,
 * and says for every finding it leaves why. Never bound to a phase: run it on purpose, like {@code spotless:apply}.
 */
@Mojo(name = "fix", requiresProject = false, threadSafe = true)
public class FixMojo extends AbstractLayerlintMojo {

    /** The default of {@code fixes}: every fix, none of which can change what the image does at run time. */
    static final String DEFAULT_FIXES = "AddForLocalFile,ShellFormCommand,PipCacheKept,PackageCacheKept,AptListsNotRemoved,"
            + "ConsecutiveRuns,AptUpdateAlone,CleanupInLaterLayer";

    /** Skips this goal only. */
    @Parameter(property = "layerlint.fix.skip", defaultValue = "false")
    private boolean skipFix;

    /**
     * The rules whose findings are fixed, comma-separated rule ids: {@code AddForLocalFile} (ADD → COPY),
     * {@code ShellFormCommand} (JSON-form CMD/ENTRYPOINT), {@code PipCacheKept} ({@code --no-cache-dir}),
     * {@code PackageCacheKept} ({@code apk add --no-cache}; {@code dnf clean all}, {@code npm cache clean --force} and
     * the like), {@code AptListsNotRemoved}
     * ({@code && rm -rf /var/lib/apt/lists/*}), {@code ConsecutiveRuns}, {@code AptUpdateAlone} and
     * {@code CleanupInLaterLayer} (RUNs merged into one). Each fix is made only where it is safe; see the goal's page.
     */
    @Parameter(property = "layerlint.fixes", defaultValue = DEFAULT_FIXES)
    private String fixes;

    /**
     * Changes no Dockerfile: prints the changes as a unified diff and writes it to {@code <outputDirectory>/fix.patch}
     * ({@code git apply} takes it).
     */
    @Parameter(property = "layerlint.fix.dryRun", defaultValue = "false")
    private boolean dryRun;

    /**
     * The build context directory, relative to the base directory; by default each Dockerfile's own directory. ADD
     * becomes COPY only for files found there that ADD would not unpack.
     */
    @Parameter(property = "layerlint.context")
    private File contextDirectory;

    /**
     * A hadolint configuration whose {@code ignored} and {@code override} apply through the rules' hadolint aliases, as for
     * {@code lint}: a rule it turns off is not fixed. Used when the file exists ({@code .hadolint.yml} is tried too when
     * this is left at its default).
     */
    @Parameter(property = "layerlint.hadolintConfig", defaultValue = "${basedir}/.hadolint.yaml")
    private File hadolintConfig;

    @Override
    protected String goal() {
        return "fix";
    }

    @Override
    protected boolean skipGoal() {
        return skipFix;
    }

    @Override
    protected boolean failsOnFindings() {
        return false;
    }

    @Override
    protected GoalReport run() throws MojoExecutionException, MojoFailureException {
        Map<String, String> hadolint = HadolintFiles.read(hadolintConfig, this::displayed, getLog()).rules();
        Fixer fixer = new Fixer(new Linter(ruleSettings(RuleOptions.DEFAULTS, hadolint)), chosenFixes());
        StringBuilder patch = new StringBuilder();
        List<Finding> left = new ArrayList<>();
        Map<String, Integer> fixedPerRule = new TreeMap<>();
        Map<String, Integer> leftPerRule = new TreeMap<>();
        List<String> changed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path file : resolveDockerfiles()) {
            String shown = displayed(file);
            try {
                if (!dryRun) {
                    DockerfileFiles.checkWritable(file, shown);
                }
                String text = DockerfileFiles.read(file, shown);
                Path context = contextDirectory == null ? file.toAbsolutePath().getParent()
                        : basePath().resolve(contextDirectory.toPath()).normalize();
                FixOutcome outcome = fixer.fix(shown, text, Optional.of(context));
                if (outcome instanceof FixOutcome.Unparsable unparsable) {
                    String problem = shown + ":" + unparsable.error().line() + ": " + unparsable.error().message()
                            + ": the file does not parse, so it was left as it is; fix the syntax and run layerlint:fix again";
                    getLog().error("layerlint:fix: " + problem);
                    problems.add(problem);
                    continue;
                }
                FixOutcome.Fixed fixed = (FixOutcome.Fixed) outcome;
                String diff = new LineDiff(fixed.before(), fixed.after()).unified(shown);
                if (fixed.changed() && !dryRun) {
                    DockerfileFiles.write(file, shown, fixed.after());
                }
                logFile(shown, fixed, diff);
                patch.append(diff);
                if (fixed.changed()) {
                    changed.add(shown);
                }
                fixed.fixedPerRule().forEach((rule, n) -> fixedPerRule.merge(rule, n, Integer::sum));
                fixed.leftPerRule().forEach((rule, n) -> leftPerRule.merge(rule, n, Integer::sum));
                fixed.left().forEach(l -> left.add(dryRun ? l.before() : l.finding()));
            } catch (DockerfileFiles.FileException e) {
                getLog().error("layerlint:fix: " + e.getMessage());
                problems.add(e.getMessage());
            }
        }
        writePatch(patch.toString());
        getLog().info("layerlint:fix: " + (dryRun ? "would fix " : "fixed ") + counts(fixedPerRule) + "; left " + counts(leftPerRule)
                + (dryRun ? "; nothing was changed (dry run), the diff is in " + displayed(outputPath().resolve("fix.patch"))
                        : changed.isEmpty() ? "; no file changed" : "; rewrote " + String.join(", ", changed)));
        if (!problems.isEmpty()) {
            throw new MojoFailureException("layerlint:fix: " + Plural.count(problems.size(), "Dockerfile") + " not fixed: "
                    + String.join("; ", problems));
        }
        Map<String, Object> sections = new LinkedHashMap<>();
        sections.put("dryRun", dryRun);
        sections.put("fixed", fixedPerRule);
        sections.put("left", leftPerRule);
        sections.put("changedFiles", changed);
        return report(left, sections);
    }

    /** The rule ids of {@code fixes}, each one a rule that has a fix. */
    private Set<String> chosenFixes() throws MojoExecutionException {
        Set<String> chosen = new LinkedHashSet<>();
        for (String id : (fixes == null ? "" : fixes).split(",")) {
            if (!id.isBlank()) {
                chosen.add(id.strip());
            }
        }
        Set<String> unknown = new LinkedHashSet<>(chosen);
        unknown.removeAll(Fixer.fixableRules());
        if (!unknown.isEmpty()) {
            throw new MojoExecutionException("layerlint:fix: no fix for " + String.join(", ", unknown) + " in <fixes> "
                    + "(layerlint.fixes); the rules that have one: " + String.join(", ", Fixer.fixableRules()));
        }
        return chosen;
    }

    private void logFile(String shown, FixOutcome.Fixed fixed, String diff) {
        getLog().info("layerlint: " + shown + ": " + Plural.count(fixed.applied().size(), "fix", "fixes")
                + (dryRun ? " (dry run)" : "") + ", " + Plural.count(fixed.left().size(), "finding") + " left");
        for (FixOutcome.Applied applied : fixed.applied()) {
            getLog().info(shown + ":" + applied.line() + ": [" + applied.ruleId() + "] " + (dryRun ? "would fix: " : "fixed: ")
                    + applied.summary());
        }
        for (FixOutcome.Left l : fixed.left()) {
            Finding at = dryRun ? l.before() : l.finding();
            log(new Finding(at.ruleId(), at.severity(), at.file(), at.line(), at.column(), at.endLine(), "left: " + l.reason(),
                    at.checklist()));
        }
        if (dryRun && !diff.isEmpty()) {
            diff.lines().forEach(line -> getLog().info(line));
        }
    }

    private void writePatch(String patch) throws MojoExecutionException {
        try {
            AtomicFiles.writeString(outputPath(), "fix.patch", patch);
        } catch (IOException e) {
            throw new MojoExecutionException("layerlint:fix: cannot write " + outputPath().resolve("fix.patch") + ": " + e.getMessage(), e);
        }
    }

    /** {@code 3 (PipCacheKept 2, ShellFormCommand 1)}, or {@code 0}. */
    private static String counts(Map<String, Integer> perRule) {
        int total = perRule.values().stream().mapToInt(Integer::intValue).sum();
        return total == 0 ? "0" : total + " (" + perRule.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")) + ")";
    }
}
