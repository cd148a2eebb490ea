package dev.layerlint.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReportFormatTest {

    @Test
    void parsesAListInAnyCaseIgnoringBlanksAndRepeats() throws Exception {
        assertEquals(List.of(ReportFormat.SARIF, ReportFormat.JUNIT, ReportFormat.HTML),
                ReportFormat.parseList(" sarif, JUnit,,html ,sarif"));
        assertEquals(List.of(), ReportFormat.parseList(""));
        assertEquals(List.of(), ReportFormat.parseList(" , "));
    }

    @Test
    void anUnknownFormatIsNamedWithTheKnownOnes() {
        UnknownReportFormatException e = assertThrows(UnknownReportFormatException.class,
                () -> ReportFormat.parseList("sarif,pdf"));
        assertEquals("unknown report format 'pdf'; known formats: sarif, checkstyle, gitlab, junit, markdown, html",
                e.getMessage());
    }

    @Test
    void fileNamesFollowTheContract() {
        assertEquals("inspect.sarif", ReportFormat.SARIF.fileName("inspect"));
        assertEquals("inspect-checkstyle.xml", ReportFormat.CHECKSTYLE.fileName("inspect"));
        assertEquals("inspect-codequality.json", ReportFormat.GITLAB.fileName("inspect"));
        assertEquals("TEST-layerlint-inspect.xml", ReportFormat.JUNIT.fileName("inspect"));
        assertEquals("inspect.md", ReportFormat.MARKDOWN.fileName("inspect"));
        assertEquals("index.html", ReportFormat.HTML.fileName("inspect"));
    }
}
