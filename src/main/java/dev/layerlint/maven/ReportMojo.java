package dev.layerlint.maven;

import dev.layerlint.report.BudgetLine;
import dev.layerlint.report.ByteSizes;
import dev.layerlint.report.ContextSummary;
import dev.layerlint.report.FileSize;
import dev.layerlint.report.Finding;
import dev.layerlint.report.ImageSummary;
import dev.layerlint.report.LayerSummary;
import dev.layerlint.report.ReportJson;
import dev.layerlint.report.ReportModel;
import dev.layerlint.text.Plural;
import dev.layerlint.report.ReportWriters;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.reporting.MavenReport;
import org.apache.maven.reporting.MavenReportException;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Adds a layerlint page to the project site ({@code mvn site}): every goal's findings, the build contexts, and
 * the image with its layers and budgets. It shows what the goals found (their reports in
 * {@code target/layerlint}), so run them first; {@code lint} and {@code dockerignore} run in {@code validate},
 * {@code inspect} in {@code verify}. Run on its own ({@code mvn layerlint:report}), it writes the same page to
 * {@code target/reports/layerlint.html}.
 */
// Implements Maven's report interface itself: maven-reporting-impl's site renderer (Doxia, Velocity,
// plexus-archiver) would otherwise be loaded into the plugin's class realm for every goal.
@Mojo(name = "report", threadSafe = true)
public class ReportMojo extends AbstractMojo implements MavenReport {

    private static final int TOP = 10;

    /** Where the goals wrote their reports. */
    @Parameter(property = "layerlint.outputDirectory", defaultValue = "${project.build.directory}/layerlint")
    private File reportsDirectory;

    /** Where the page goes when the goal runs on its own; in a site, the site's directory is used. */
    @Parameter(defaultValue = "${project.build.directory}/reports", required = true)
    private File outputDirectory;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Override
    public void execute() throws MojoExecutionException {
        try {
            List<ReportModel> reports = reports();
            if (reports.isEmpty()) {
                getLog().info("layerlint: no reports in " + reportsDirectory + " yet, so no page: run the goals"
                        + " first (mvn verify, then this goal)");
                return;
            }
            File page = new File(outputDirectory, getOutputName() + ".html");
            ReportWriters.writeHtmlPage(reports, project.getBasedir().toPath(), page.toPath());
            getLog().info("layerlint: wrote " + page);
        } catch (MavenReportException | IOException e) {
            throw new MojoExecutionException("layerlint:report: " + e.getMessage(), e);
        }
    }

    @Override
    public String getCategoryName() {
        return CATEGORY_PROJECT_REPORTS;
    }

    @Override
    public void setReportOutputDirectory(File directory) {
        outputDirectory = directory;
    }

    @Override
    public File getReportOutputDirectory() {
        return outputDirectory;
    }

    @Override
    public boolean isExternalReport() {
        return false;
    }

    @Override
    public String getOutputName() {
        return "layerlint";
    }

    @Override
    public String getName(Locale locale) {
        return "layerlint";
    }

    @Override
    public String getDescription(Locale locale) {
        return "Docker layer best practices: Dockerfile findings, build contexts, image size against budgets.";
    }

    @Override
    public boolean canGenerateReport() throws MavenReportException {
        return !reports().isEmpty();
    }

    @Override
    public void generate(Sink sink, Locale locale) throws MavenReportException {
        sink.head();
        sink.title();
        sink.text("layerlint");
        sink.title_();
        sink.head_();
        sink.body();
        sink.section1();
        sink.sectionTitle1();
        sink.text("layerlint");
        sink.sectionTitle1_();
        paragraph(sink, "Reports read from " + relativeToProject(reportsDirectory) + ".");
        for (ReportModel report : reports()) {
            goal(sink, report);
        }
        sink.section1_();
        sink.body_();
        sink.flush();
    }

    private List<ReportModel> reports() throws MavenReportException {
        try {
            return ReportJson.readAll(reportsDirectory.toPath());
        } catch (IOException e) {
            throw new MavenReportException("layerlint: cannot read the reports in " + reportsDirectory + ": " + e.getMessage(), e);
        }
    }

    private String relativeToProject(File directory) {
        Path base = project.getBasedir().toPath().toAbsolutePath().normalize();
        Path path = directory.toPath().toAbsolutePath().normalize();
        return path.startsWith(base) ? base.relativize(path).toString().replace(File.separatorChar, '/') : path.toString();
    }

    private static void goal(Sink sink, ReportModel report) {
        sink.section2();
        sink.sectionTitle2();
        sink.text(report.goal() + ": " + report.report().summaryLine());
        sink.sectionTitle2_();
        if (report.findings().isEmpty()) {
            paragraph(sink, "No findings.");
        } else {
            Table findings = new Table(sink, "Severity", "Location", "Rule", "Message");
            for (Finding f : report.findings()) {
                findings.row(f.severity().id(), location(f), f.ruleId(), f.message());
            }
            findings.end();
        }
        report.image().ifPresent(image -> image(sink, image));
        for (ContextSummary context : report.contexts()) {
            context(sink, context);
        }
        sink.section2_();
    }

    private static void image(Sink sink, ImageSummary image) {
        sink.section3();
        sink.sectionTitle3();
        sink.text("Image " + image.reference());
        sink.sectionTitle3_();
        paragraph(sink, String.format(Locale.ROOT, "%s in %s, %s wasted, %.1f %% efficiency.",
                bytes(image.size()), Plural.count(image.layers().size(), "layer"), bytes(image.wastedBytes()), image.efficiency() * 100));
        if (!image.budgets().isEmpty()) {
            Table budgets = new Table(sink, "Budget", "Limit", "Actual", "Result");
            for (BudgetLine b : image.budgets()) {
                budgets.row(b.name(), b.display(b.limit()), b.display(b.actual()), b.passed() ? "within" : "over");
            }
            budgets.end();
        }
        Table layers = new Table(sink, "Layer", "Size", "Wasted", "Instruction", "Created by");
        for (LayerSummary layer : image.largestLayers(TOP)) {
            layers.row(Integer.toString(layer.index()), bytes(layer.size()), bytes(layer.wastedBytes()),
                    layer.instructionLocation().orElse(""), layer.createdBy().strip());
        }
        layers.end();
        files(sink, image.largestFiles(), "Largest files in the image");
        sink.section3_();
    }

    private static void context(Sink sink, ContextSummary context) {
        sink.section3();
        sink.sectionTitle3();
        sink.text("Build context of " + context.dockerfile());
        sink.sectionTitle3_();
        paragraph(sink, String.format(Locale.ROOT, "Context %s: %s, %s sent to the builder.",
                context.directory(), Plural.count(context.files(), "file"), bytes(context.bytes())));
        files(sink, context.largest(), "Largest files in the context");
        sink.section3_();
    }

    private static void files(Sink sink, List<FileSize> files, String caption) {
        if (files.isEmpty()) {
            return;
        }
        Table table = new Table(sink, caption, "Size");
        files.stream().limit(TOP).forEach(f -> table.row(f.path(), bytes(f.bytes())));
        table.end();
    }

    private static String location(Finding f) {
        return f.line() > 0 ? f.file() + ":" + f.line() : f.file();
    }

    private static String bytes(long value) {
        return ByteSizes.format(value);
    }

    private static void paragraph(Sink sink, String text) {
        sink.paragraph();
        sink.text(text);
        sink.paragraph_();
    }

    /** A plain text table: header row first, then rows of the same width. */
    private static final class Table {

        private final Sink sink;

        Table(Sink sink, String... headers) {
            this.sink = sink;
            sink.table();
            sink.tableRows();
            sink.tableRow();
            for (String header : headers) {
                sink.tableHeaderCell();
                sink.text(header);
                sink.tableHeaderCell_();
            }
            sink.tableRow_();
        }

        void row(String... cells) {
            sink.tableRow();
            for (String cell : cells) {
                sink.tableCell();
                sink.text(cell);
                sink.tableCell_();
            }
            sink.tableRow_();
        }

        void end() {
            sink.tableRows_();
            sink.table_();
        }
    }
}
