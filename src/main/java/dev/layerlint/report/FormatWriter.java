package dev.layerlint.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes one report format from the shared model. */
sealed interface FormatWriter
        permits SarifWriter, CheckstyleWriter, GitLabCodeQualityWriter, JUnitWriter, MarkdownWriter, HtmlReportWriter {

    /** The file name for a goal's report in this format. */
    String fileName(String goal);

    /** Writes the report into the target's output directory and returns the files written. */
    List<Path> write(ReportModel model, ReportTarget target) throws IOException;
}
