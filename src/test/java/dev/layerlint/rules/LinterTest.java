package dev.layerlint.rules;

import dev.layerlint.report.Finding;
import dev.layerlint.report.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.layerlint.rules.LintAssertions.allHits;
import static dev.layerlint.rules.LintAssertions.lint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LinterTest {

    private static final String ROOT_AND_SHELL = "FROM alpine:3.19.1\nCMD echo hi\n";

    @Test
    void parseErrorBecomesOneFinding() {
        List<Finding> findings = lint("FROM alpine:3.19.1\nRUNN x\n");
        assertEquals(List.of(new Finding("ParseError", Severity.ERROR, "Dockerfile", 2, 1, 2, "unknown instruction: RUNN",
                java.util.Optional.empty())), findings);
    }

    @Test
    void layerlintIgnoreAboveTheInstruction() {
        assertEquals(List.of("RunsAsRoot@1", "ShellFormCommand@2"), allHits(ROOT_AND_SHELL));
        assertEquals(List.of("RunsAsRoot@1"), allHits("FROM alpine:3.19.1\n# layerlint ignore=ShellFormCommand\nCMD echo hi\n"));
        assertEquals(List.of("RunsAsRoot@1"), allHits("FROM alpine:3.19.1\n# hadolint ignore=DL3025,DL3008\n# another comment\nCMD echo hi\n"));
        assertEquals(List.of("RunsAsRoot@1", "ShellFormCommand@4"),
                allHits("FROM alpine:3.19.1\n# layerlint ignore=ShellFormCommand\n\nCMD echo hi\n"), "a blank line ends the pragma's reach");
        assertEquals(List.of("RunsAsRoot@1", "ShellFormCommand@3"),
                allHits("FROM alpine:3.19.1\n# layerlint ignore=RunsAsRoot\nCMD echo hi\n"), "another rule stays on");
    }

    @Test
    void buildKitCheckDirectiveSkipsForTheWholeFile() {
        assertEquals(List.of("RunsAsRoot@2"), allHits("# check=skip=JSONArgsRecommended\nFROM alpine:3.19.1\nCMD echo hi\n"));
        assertEquals(List.of(), allHits("# check=skip=all\nFROM alpine:3.19.1\nCMD echo hi\n"));
        assertEquals(List.of("RunsAsRoot@2"), allHits("# check=error=true;skip=ShellFormCommand\nFROM alpine:3.19.1\nCMD echo hi\n"));
    }

    @Test
    void configurationDisablesAndChangesSeverity() {
        RuleSettings settings = RuleSettings.parse(Map.of("RunsAsRoot", "off", "DL3025", "error"), RuleOptions.DEFAULTS);
        assertEquals(Set.of("RunsAsRoot"), settings.disabled());
        List<Finding> findings = lint(ROOT_AND_SHELL, settings);
        assertEquals(1, findings.size());
        assertEquals("ShellFormCommand", findings.get(0).ruleId());
        assertEquals(Severity.ERROR, findings.get(0).severity());
    }

    @Test
    void configurationErrorsNameTheProblem() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> RuleSettings.parse(Map.of("NoSuchRule", "off"), RuleOptions.DEFAULTS));
        assertEquals(true, unknown.getMessage().startsWith("unknown rule 'NoSuchRule'; known rules: "));
        IllegalArgumentException value = assertThrows(IllegalArgumentException.class,
                () -> RuleSettings.parse(Map.of("RunsAsRoot", "loud"), RuleOptions.DEFAULTS));
        assertEquals("rule RunsAsRoot: 'loud' is not off, on, error, warning or info", value.getMessage());
    }

    @Test
    void findingsAreSortedByLine() {
        assertEquals(List.of("BaseImageUnpinned@1", "RunsAsRoot@1", "ShellFormCommand@2"), allHits("FROM alpine\nCMD echo hi\n"));
    }
}
