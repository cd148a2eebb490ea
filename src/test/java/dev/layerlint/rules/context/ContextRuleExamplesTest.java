package dev.layerlint.rules.context;

import dev.layerlint.budget.ByteSize;
import dev.layerlint.report.Finding;
import dev.layerlint.rules.ContextOptions;
import dev.layerlint.rules.ContextRule;
import dev.layerlint.rules.RuleCatalog;
import dev.layerlint.rules.RuleExamples;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each context rule fires on its bad example and not on its good one. An example describes its context
 * in its leading comments, as the rule docs explain: {@code # context:} lists the files (a size after
 * {@code =}), {@code # .dockerignore:} gives the ignore file's lines, {@code # maxContextSize:} the limit.
 */
class ContextRuleExamplesTest {

    @Test
    void everyContextRuleIsInTheCatalog() {
        assertEquals(List.of("ContextTooLarge", "CopySourceIgnored", "DockerignoreMissing", "RequiredExclusionMissing",
                "SecretInContext"), RuleCatalog.contextRules().stream().map(ContextRule::id).toList());
    }

    @TestFactory
    Stream<DynamicTest> everyContextRuleFiresOnItsBadExampleAndNotOnItsGoodOne() {
        return RuleCatalog.contextRules().stream().map(rule -> DynamicTest.dynamicTest(rule.id(), () -> {
            RuleExamples examples = RuleExamples.of(rule);
            List<Finding> bad = lintExample(examples.bad());
            List<Finding> good = lintExample(examples.good());
            assertTrue(bad.stream().anyMatch(f -> f.ruleId().equals(rule.id())), rule.id() + " silent on its bad example: " + bad);
            assertTrue(good.stream().noneMatch(f -> f.ruleId().equals(rule.id())), rule.id() + " fires on its good example: " + good);
        }));
    }

    private static List<Finding> lintExample(String example) throws Exception {
        Path root = Files.createTempDirectory("layerlint-example");
        ContextFixture fixture = new ContextFixture(root).file("Dockerfile", example);
        List<String> ignoreLines = new ArrayList<>();
        Optional<ByteSize> limit = Optional.empty();
        for (String line : example.lines().takeWhile(l -> l.startsWith("#")).toList()) {
            String[] keyValue = line.substring(1).split(":", 2);
            String value = keyValue[1].strip();
            switch (keyValue[0].strip()) {
                case "context" -> {
                    for (String file : value.split("\\s+")) {
                        String[] pathSize = file.split("=", 2);
                        if (pathSize.length == 2) {
                            fixture.file(pathSize[0], ByteSize.parse(pathSize[1], file).bytes());
                        } else {
                            fixture.file(file, "example\n");
                        }
                    }
                }
                case ".dockerignore" -> ignoreLines.add(value);
                case "maxContextSize" -> limit = Optional.of(ByteSize.parse(value, "maxContextSize"));
                default -> throw new AssertionError("unknown example header: " + line);
            }
        }
        assertFalse(example.lines().findFirst().orElse("").isEmpty(), "an example starts with its context");
        if (!ignoreLines.isEmpty()) {
            fixture.dockerignore(ignoreLines.toArray(String[]::new));
        }
        ContextOptions defaults = ContextOptions.DEFAULTS;
        return fixture.lint(new ContextOptions(defaults.requiredExclusions(), defaults.wholesaleExclusions(),
                defaults.secretPatterns(), limit));
    }
}
