package dev.layerlint.rules;

import dev.layerlint.report.Finding;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.layerlint.rules.LintAssertions.allHits;
import static dev.layerlint.rules.LintAssertions.lint;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What users see where the parser now reads a Dockerfile as BuildKit does: the findings, at their lines. */
class ConformanceFindingsTest {

    @Test
    void anEscapedEscapeAtTheEndOfEnvKeepsTheNextInstructionAndItsFindings() {
        assertEquals(List.of("RunsAsRoot@1", "AptListsNotRemoved@3", "AptNoInstallRecommends@3"),
                allHits("FROM debian:12.5\nENV DIR=C:\\\\\nRUN apt-get update && apt-get install -y curl\n"));
    }

    @Test
    void anEscapedEscapeAtTheEndOfRunKeepsTheAptFindingsOnTheirLine() {
        assertEquals(List.of("RunsAsRoot@1", "ConsecutiveRuns@2", "AptListsNotRemoved@3", "AptNoInstallRecommends@3"),
                allHits("FROM debian:12.5\nRUN echo C:\\\\\nRUN apt-get update && apt-get install -y curl\n"));
    }

    @Test
    void checkSkipAllAfterAShebangOrWithACommentSkipsEverything() {
        String body = "FROM debian\nRUN apt-get update\nRUN apt-get install -y curl\nCMD run\n";
        assertEquals(List.of(), allHits("#!/bin/sh\n# check=skip=all\n" + body));
        assertEquals(List.of(), allHits("# check=skip=all // reviewed\n" + body));
    }

    @Test
    void aHeredocAfterABlankIsTheScript() {
        assertEquals(List.of("RunsAsRoot@1", "AptListsNotRemoved@2", "AptNoInstallRecommends@2"),
                allHits("FROM debian:12.5\nRUN << EOF\napt-get update\napt-get install -y curl\nEOF\n"));
    }

    @Test
    void aBrokenOnbuildTriggerIsOneFindingAndTheFileIsStillLinted() {
        List<Finding> findings = lint("FROM debian:12.5\nONBUILD COPY onlyone\nRUN apt-get update && apt-get install -y curl\n");
        assertEquals(List.of("RunsAsRoot@1", "ParseError@2", "AptListsNotRemoved@3", "AptNoInstallRecommends@3"),
                findings.stream().map(f -> f.ruleId() + "@" + f.line()).toList());
        assertEquals("the ONBUILD trigger fails every build that starts FROM this image: COPY requires at least two arguments, "
                + "but only one was provided. Destination could not be determined", findings.get(1).message());
    }

    @Test
    void aJsonArrayOfNumbersIsAParseErrorNotAShellFormHint() {
        List<Finding> findings = lint("FROM debian:12.5\nCMD [\"sleep\", 5]\n");
        assertEquals(List.of("ParseError@2"), findings.stream().map(f -> f.ruleId() + "@" + f.line()).toList());
        assertEquals("when using JSON array syntax, arrays must be comprised of strings only", findings.get(0).message());
    }

    @Test
    void quotedAddSourcesAreWhatBuildKitFetches() {
        assertEquals(List.of("AddForDownload@3", "AddForLocalFile@4"),
                lint("FROM debian:12.5\nUSER app\nADD \"https://example.org/tool.tgz\" /opt/\nADD 'app.jar' /app/\n").stream()
                        .filter(f -> f.ruleId().startsWith("AddFor")).map(f -> f.ruleId() + "@" + f.line()).toList());
    }

    @Test
    void anEscapeDirectiveAfterAnUnknownDirectiveIsAComment() {
        assertEquals(List.of("ParseError@5"), allHits("# foo=bar\n# escape=`\nFROM debian:12.5\nRUN echo a `\n b\n"));
    }
}
