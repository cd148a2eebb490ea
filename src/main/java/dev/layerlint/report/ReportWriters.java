package dev.layerlint.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes the requested extra formats beside {@code <goal>.json}. */
public final class ReportWriters {

    private ReportWriters() {
    }

    /** Writes each format in turn and returns every file written, in format order. */
    public static List<Path> write(List<ReportFormat> formats, ReportModel model, ReportTarget target) throws IOException {
        List<Path> written = new ArrayList<>();
        for (ReportFormat format : formats) {
            written.addAll(format.writer().write(model, target));
        }
        return List.copyOf(written);
    }

    /**
     * Writes the self-contained HTML page of the {@code html} format for {@code reports} (as
     * {@link ReportJson#readAll} reads them) to {@code page}, with file paths shown relative to {@code baseDirectory}.
     */
    public static Path writeHtmlPage(List<ReportModel> reports, Path baseDirectory, Path page) throws IOException {
        String html = new HtmlReportWriter().render(reports, baseDirectory);
        return AtomicFiles.writeString(page.toAbsolutePath().getParent(), page.getFileName().toString(), html);
    }
}
