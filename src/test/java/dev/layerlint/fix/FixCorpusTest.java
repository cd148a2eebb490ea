package dev.layerlint.fix;

import dev.layerlint.dockerfile.DockerfileParser;
import dev.layerlint.dockerfile.ParseResult;
import dev.layerlint.report.Finding;
import dev.layerlint.rules.Linter;
import dev.layerlint.rules.RuleSettings;
import dev.layerlint.testing.SharedFiles;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fixes on every Dockerfile of the corpus: each fixed file parses, lints with no rule's findings grown and with
 * fewer findings of each rule a fix was applied for, and fixing it again changes nothing. The counts are printed for
 * {@code docs/goals/fix.md}.
 */
class FixCorpusTest {

    private final Linter linter = new Linter(RuleSettings.DEFAULTS);
    private final Fixer fixer = new Fixer(linter, Fixer.defaultRules());

    @Test
    void fixesOnTheCorpusAreSafeAndFinal() throws Exception {
        List<Path> files = SharedFiles.corpusDockerfiles();
        List<String> broken = new ArrayList<>();
        Map<String, Integer> found = new TreeMap<>();
        Map<String, Integer> fixed = new TreeMap<>();
        Map<String, Integer> left = new TreeMap<>();
        int read = 0;
        int changed = 0;
        for (Path file : files) {
            String text;
            try {
                text = DockerfileFiles.read(file, file.getFileName().toString());
            } catch (DockerfileFiles.FileException notUtf8) {
                continue;
            }
            read++;
            String name = file.getFileName().toString();
            if (!(fixer.fix(name, text, Optional.empty()) instanceof FixOutcome.Fixed outcome)) {
                continue;
            }
            outcome.found().stream().filter(f -> Fixer.defaultRules().contains(f.ruleId()))
                    .forEach(f -> found.merge(f.ruleId(), 1, Integer::sum));
            outcome.fixedPerRule().forEach((rule, n) -> fixed.merge(rule, n, Integer::sum));
            outcome.leftPerRule().entrySet().stream().filter(e -> Fixer.defaultRules().contains(e.getKey()))
                    .forEach(e -> left.merge(e.getKey(), e.getValue(), Integer::sum));
            if (!outcome.changed()) {
                continue;
            }
            changed++;
            ParseResult reparsed = DockerfileParser.parse(name, outcome.after());
            if (!(reparsed instanceof ParseResult.Success)) {
                broken.add(name + ": the fixed file does not parse");
                continue;
            }
            Map<String, Integer> before = counts(outcome.found());
            Map<String, Integer> after = counts(linter.lint(reparsed));
            after.forEach((rule, n) -> {
                if (n > before.getOrDefault(rule, 0)) {
                    broken.add(name + ": " + rule + " grew from " + before.getOrDefault(rule, 0) + " to " + n);
                }
            });
            outcome.applied().stream().map(FixOutcome.Applied::ruleId).distinct().forEach(rule -> {
                if (after.getOrDefault(rule, 0) >= before.getOrDefault(rule, 0)) {
                    broken.add(name + ": " + rule + " was fixed but its findings did not drop");
                }
            });
            FixOutcome again = fixer.fix(name, outcome.after(), Optional.empty());
            if (!(again instanceof FixOutcome.Fixed second) || second.changed()) {
                broken.add(name + ": a second fix changed the file again");
            }
        }
        assertEquals(List.of(), broken);
        assertTrue(read > 0, "no corpus Dockerfile could be read");
        System.out.printf("fix corpus: %d Dockerfiles, %d changed; findings of the fixable rules %s, fixed %s, left %s%n",
                read, changed, found, fixed, left);
    }

    private static Map<String, Integer> counts(List<Finding> findings) {
        Map<String, Integer> counts = new TreeMap<>();
        findings.forEach(f -> counts.merge(f.ruleId(), 1, Integer::sum));
        return counts;
    }
}
