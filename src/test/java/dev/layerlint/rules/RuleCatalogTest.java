package dev.layerlint.rules;

import dev.layerlint.dockerfile.DockerfileParser;
import dev.layerlint.report.Finding;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleCatalogTest {

    /** The configuration the rule docs' examples assume (UntrustedBaseImage needs a list to check against). */
    static final RuleSettings EXAMPLE_SETTINGS = new RuleSettings(Set.of(), java.util.Map.of(),
            new RuleOptions(List.of("registry.example.com"), List.of()));

    @Test
    void idsAndAliasesAreUniqueAndWellFormed() {
        Set<String> names = new HashSet<>();
        for (Rule rule : RuleCatalog.all()) {
            assertTrue(rule.id().matches("[A-Z][A-Za-z0-9]+"), rule.id());
            assertTrue(names.add(rule.id()), "duplicate id " + rule.id());
            for (String alias : rule.info().aliases()) {
                assertTrue(names.add(alias), "alias used twice: " + alias);
            }
            assertFalse(rule.info().summary().isBlank(), rule.id());
            assertTrue(rule.info().description().length() > 80, rule.id() + " needs a real description");
        }
    }

    @Test
    void findsRulesByIdOrAlias() {
        assertEquals("RunsAsRoot", RuleCatalog.find("DL3002").orElseThrow().id());
        assertEquals("ShellFormCommand", RuleCatalog.find("JSONArgsRecommended").orElseThrow().id());
        assertTrue(RuleCatalog.find("runsasroot").isEmpty());
    }

    @Test
    void everyRuleIsADockerfileContextOrImageRule() {
        assertEquals(RuleCatalog.all().size(), RuleCatalog.dockerfileRules().size() + RuleCatalog.contextRules().size()
                + RuleCatalog.imageRules().size() + 1, "ParseError aside, every rule reads a Dockerfile, a build context or an image");
    }

    /**
     * Context rules need a build context on disk ({@code ContextRuleExamplesTest} checks their examples); image
     * rules are held against images in {@code dev.layerlint.rules.image}.
     */
    @TestFactory
    Stream<DynamicTest> everyDockerfileRuleFiresOnItsBadExampleAndNotOnItsGoodOne() {
        return RuleCatalog.dockerfileRules().stream().map(rule -> DynamicTest.dynamicTest(rule.id(), () -> {
            RuleExamples examples = RuleExamples.of(rule);
            Linter linter = new Linter(EXAMPLE_SETTINGS);
            List<Finding> bad = linter.lint(DockerfileParser.parse("bad", examples.bad()));
            List<Finding> good = linter.lint(DockerfileParser.parse("good", examples.good()));
            assertTrue(bad.stream().anyMatch(f -> f.ruleId().equals(rule.id())), rule.id() + " silent on its bad example: " + bad);
            assertTrue(good.stream().noneMatch(f -> f.ruleId().equals(rule.id())), rule.id() + " fires on its good example: " + good);
        }));
    }

    /** A good example shows one fix; its base image must not distract with a tag finding of its own. */
    @TestFactory
    Stream<DynamicTest> goodExamplesPinTheirBaseImages() {
        Set<String> tagRules = Set.of("BaseImageUnpinned", "BaseImageFloatingTag");
        return RuleCatalog.dockerfileRules().stream().map(rule -> DynamicTest.dynamicTest(rule.id(), () -> {
            List<Finding> good = new Linter(EXAMPLE_SETTINGS).lint(DockerfileParser.parse("good", RuleExamples.of(rule).good()));
            assertEquals(List.of(), good.stream().filter(f -> tagRules.contains(f.ruleId())).toList(), rule.id());
        }));
    }
}
