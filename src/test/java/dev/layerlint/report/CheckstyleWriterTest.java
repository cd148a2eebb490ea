package dev.layerlint.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CheckstyleWriterTest {

    @TempDir
    Path project;

    @Test
    void everyCheckedFileIsListedWithItsFindings() throws Exception {
        List<Path> written = new CheckstyleWriter().write(ReportFixtures.lint(), ReportFixtures.target(project, Optional.empty()));

        assertEquals(List.of(project.resolve("target/layerlint/lint-checkstyle.xml")), written);
        Document xml = XmlAssertions.parse(written.get(0));
        assertEquals("checkstyle{version=8.0}", XmlAssertions.describe(xml.getDocumentElement()));
        assertEquals(List.of("file{name=Dockerfile}", "file{name=services/api/Dockerfile}"), XmlAssertions.elements(xml, "file"));
        assertEquals(List.of(
                "error{column=1, line=1, message=base image python:latest is on `latest`; pin a version tag, "
                        + "severity=warning, source=layerlint.BaseImageUnpinned}",
                "error{column=1, line=4, message=2 consecutive RUN instructions (lines 4, 5) | combine them with && <one layer>, "
                        + "severity=info, source=layerlint.ConsecutiveRuns}",
                "error{column=1, line=1, message=the final stage (FROM eclipse-temurin:21-jre) never sets USER, "
                        + "severity=error, source=layerlint.RunsAsRoot}"),
                XmlAssertions.elements(xml, "error"));
        Element api = (Element) xml.getElementsByTagName("file").item(1);
        assertEquals(1, api.getElementsByTagName("error").getLength());
    }

    @Test
    void findingsWithoutLineOrColumnOmitThemAndControlCharactersAreReplaced() throws Exception {
        Finding f = new Finding("SizeBudget", Severity.ERROR, "Dockerfile", 0, 0, 0, "bell\u0007 in message", Optional.empty());
        ReportModel model = new ReportModel(new GoalReport("1", "inspect", List.of(f), java.util.Map.of()),
                ReportScope.NONE, Optional.empty(), List.of());

        Path written = new CheckstyleWriter().write(model, ReportFixtures.target(project, Optional.empty())).get(0);

        assertEquals(List.of("error{message=bell\uFFFD in message, severity=error, source=layerlint.SizeBudget}"),
                XmlAssertions.elements(XmlAssertions.parse(written), "error"));
    }
}
