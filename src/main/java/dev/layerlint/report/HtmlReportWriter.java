package dev.layerlint.report;

import dev.layerlint.text.Plural;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code index.html}: one self-contained page for the module (styles inline, the chart inline SVG, no
 * scripts, no external assets), rebuilt after each goal from every {@code <goal>.json} in the output
 * directory, so that goals stay independent of each other.
 */
final class HtmlReportWriter implements FormatWriter {

    static final String FILE_NAME = "index.html";
    static final String BAR_COLOR = "#4c78a8";
    static final String WASTED_COLOR = "#e45756";
    static final String BUDGET_COLOR = "#222222";

    private static final int EXCERPT_CONTEXT = 2;
    private static final int EXCERPT_MAX_LINES = 14;
    private static final int EXCERPT_LINE_WIDTH = 240;
    private static final int TOP_FILES = 10;
    private static final int TOP_LAYERS = 10;
    private static final String CSS = loadCss();

    @Override
    public String fileName(String goal) {
        return FILE_NAME;
    }

    @Override
    public List<Path> write(ReportModel model, ReportTarget target) throws IOException {
        String html = render(ReportJson.readAll(target.outputDirectory()), target.baseDirectory());
        return List.of(AtomicFiles.writeString(target.outputDirectory(), FILE_NAME, html));
    }

    String render(List<ReportModel> reports, Path baseDirectory) {
        Html h = new Html();
        h.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .raw("<title>layerlint report</title>\n<style>\n").raw(CSS).raw("</style>\n</head>\n<body>\n<main>\n");
        h.raw("<header class=\"page\">\n<h1>layerlint report</h1>\n");
        if (reports.isEmpty()) {
            h.raw("<p class=\"none\">No reports in this directory yet.</p>\n");
        } else {
            h.raw("<p>Docker layer checks for this module.</p>\n<nav class=\"goals\">\n");
            for (ReportModel report : reports) {
                h.raw("<a href=\"#goal-").text(report.name()).raw("\"><strong>").text(report.name()).raw("</strong>")
                        .text(report.report().summaryLine()).raw("</a>\n");
            }
            h.raw("</nav>\n");
        }
        h.raw("</header>\n");
        for (ReportModel report : reports) {
            goal(h, report, baseDirectory);
        }
        String version = reports.isEmpty() ? ToolVersion.get() : reports.get(0).report().toolVersion();
        h.raw("<footer>Written by layerlint ").text(version).raw(" from the goals' JSON reports.</footer>\n");
        h.raw("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private void goal(Html h, ReportModel report, Path baseDirectory) {
        h.raw("<section class=\"goal\" id=\"goal-").text(report.name()).raw("\">\n<h2>").text(report.name())
                .raw("<span class=\"counts\">").text(report.report().summaryLine()).raw("</span></h2>\n");
        h.raw("<h3>Findings</h3>\n");
        if (report.findings().isEmpty()) {
            h.raw("<p class=\"none\">No findings.</p>\n");
        }
        for (Finding f : report.findings()) {
            finding(h, f, baseDirectory);
        }
        report.image().ifPresent(image -> image(h, image));
        if (!report.contexts().isEmpty()) {
            contexts(h, report.contexts());
        }
        h.raw("</section>\n");
    }

    private void finding(Html h, Finding f, Path baseDirectory) {
        String severity = f.severity().id();
        h.raw("<article class=\"finding ").text(severity).raw("\">\n<header><span class=\"badge ").text(severity).raw("\">")
                .text(severity).raw("</span>");
        Optional<String> help = RuleDescriptions.helpUri(f.ruleId());
        if (help.isPresent()) {
            h.raw("<a class=\"rule\" href=\"").text(help.get()).raw("\">").text(f.ruleId()).raw("</a>");
        } else {
            h.raw("<span class=\"rule\">").text(f.ruleId()).raw("</span>");
        }
        h.raw("<span class=\"location\">").text(f.line() > 0 ? f.file() + ":" + f.line() : f.file()).raw("</span>");
        f.checklist().ifPresent(c -> h.raw("<span class=\"checklist\">Checklist: ").text(c.text()).raw("</span>"));
        h.raw("</header>\n<p>").text(f.message()).raw("</p>\n");
        List<String> excerpt = f.line() > 0 && !f.file().isEmpty() ? excerpt(baseDirectory, f) : List.of();
        if (!excerpt.isEmpty()) {
            int first = Math.max(1, f.line() - EXCERPT_CONTEXT);
            h.raw("<pre class=\"excerpt\">");
            for (int i = 0; i < excerpt.size(); i++) {
                int number = first + i;
                boolean hit = number >= f.line() && number <= f.endLine();
                h.raw("<span class=\"line").raw(hit ? " hit" : "").raw("\"><span class=\"no\">").raw(Integer.toString(number))
                        .raw("</span>").text(excerpt.get(i)).raw("</span>");
            }
            h.raw("</pre>\n");
        }
        h.raw("</article>\n");
    }

    /**
     * The finding's lines with {@value #EXCERPT_CONTEXT} lines around them, read only as far as needed;
     * empty when the file cannot be read (the page is still useful without it).
     */
    static List<String> excerpt(Path baseDirectory, Finding f) {
        Path file = baseDirectory.resolve(f.file()).normalize();
        if (!file.startsWith(baseDirectory.normalize()) || !Files.isRegularFile(file)) {
            return List.of();
        }
        int first = Math.max(1, f.line() - EXCERPT_CONTEXT);
        int last = Math.min(f.endLine() + EXCERPT_CONTEXT, first + EXCERPT_MAX_LINES - 1);
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            for (int number = 1; number <= last && (line = reader.readLine()) != null; number++) {
                if (number >= first) {
                    lines.add(line.length() > EXCERPT_LINE_WIDTH ? line.substring(0, EXCERPT_LINE_WIDTH) + "…" : line);
                }
            }
        } catch (IOException e) {
            // unreadable or not UTF-8: the finding is shown without its excerpt
            return List.of();
        }
        return lines;
    }

    private void contexts(Html h, List<ContextSummary> contexts) {
        h.raw("<h3>Build contexts</h3>\n");
        for (ContextSummary c : contexts) {
            h.raw("<div class=\"facts\"><div class=\"fact\"><b class=\"mono\">").text(c.dockerfile())
                    .raw("</b><span>context <code>").text(c.directory()).raw("</code></span></div>")
                    .raw("<div class=\"fact\"><b>").text(String.format(Locale.ROOT, "%,d", c.files())).raw("</b><span>").raw(Plural.choose(c.files(), "file sent", "files sent")).raw("</span></div>")
                    .raw("<div class=\"fact\"><b>").text(ByteSizes.format(c.bytes())).raw("</b><span>sent to the builder</span></div></div>\n");
            fileTable(h, c.largest(), "Largest files in the context");
        }
    }

    private void fileTable(Html h, List<FileSize> files, String caption) {
        if (files.isEmpty()) {
            return;
        }
        List<FileSize> top = files.stream().limit(TOP_FILES).toList();
        long max = Math.max(1, top.get(0).bytes());
        h.raw("<table><thead><tr><th>").text(caption).raw("</th><th class=\"num\">Size</th><th></th></tr></thead><tbody>\n");
        for (FileSize file : top) {
            h.raw("<tr><td><code>").text(file.path()).raw("</code></td><td class=\"num\">").text(ByteSizes.format(file.bytes()))
                    .raw("</td><td class=\"meter\"><span style=\"width:").raw(percent(file.bytes(), max)).raw("\"></span></td></tr>\n");
        }
        h.raw("</tbody></table>\n");
    }

    private void image(Html h, ImageSummary image) {
        h.raw("<h3>Image <code>").text(image.reference()).raw("</code></h3>\n<div class=\"facts\">");
        Optional<BudgetLine> sizeBudget = image.sizeBudget();
        boolean over = sizeBudget.map(b -> !b.passed()).orElse(false);
        h.raw("<div class=\"fact").raw(over ? " over" : "").raw("\"><b>").text(ByteSizes.format(image.size())).raw("</b><span>");
        h.text(sizeBudget.map(b -> "size, budget " + ByteSizes.format(b.limit())).orElse("size, no budget")).raw("</span></div>");
        h.raw("<div class=\"fact\"><b>").text(Integer.toString(image.layers().size())).raw("</b><span>")
                .raw(Plural.choose(image.layers().size(), "layer", "layers")).raw("</span></div>");
        h.raw("<div class=\"fact\"><b>").text(ByteSizes.format(image.wastedBytes())).raw("</b><span>wasted</span></div>");
        h.raw("<div class=\"fact\"><b>").text(String.format(Locale.ROOT, "%.1f %%", image.efficiency() * 100))
                .raw("</b><span>efficiency</span></div></div>\n");
        if (!image.budgets().isEmpty()) {
            h.raw("<table><thead><tr><th>Budget</th><th class=\"num\">Limit</th><th class=\"num\">Actual</th><th>Result</th></tr></thead><tbody>\n");
            for (BudgetLine b : image.budgets()) {
                h.raw("<tr><td>").text(b.name()).raw("</td><td class=\"num\">").text(b.display(b.limit()))
                        .raw("</td><td class=\"num\">").text(b.display(b.actual()))
                        .raw("</td><td><span class=\"badge ").raw(b.passed() ? "pass\">within" : "fail\">over").raw("</span></td></tr>\n");
            }
            h.raw("</tbody></table>\n");
        }
        new LayerChart(image).render(h);
        List<LayerSummary> top = image.largestLayers(TOP_LAYERS);
        if (!top.isEmpty()) {
            h.raw("<table><thead><tr><th class=\"num\">Layer</th><th class=\"num\">Size</th><th class=\"num\">Wasted</th>")
                    .raw("<th>Instruction</th><th>Created by</th></tr></thead><tbody>\n");
            for (LayerSummary layer : top) {
                h.raw("<tr><td class=\"num\">").text(Integer.toString(layer.index())).raw("</td><td class=\"num\">")
                        .text(ByteSizes.format(layer.size())).raw("</td><td class=\"num\">").text(ByteSizes.format(layer.wastedBytes()))
                        .raw("</td><td><code>").text(layer.instructionLocation().orElse("")).raw("</code></td><td><code>")
                        .text(abbreviate(layer.createdBy().strip(), 160)).raw("</code></td></tr>\n");
            }
            h.raw("</tbody></table>\n");
        }
        fileTable(h, image.largestFiles(), "Largest files in the image");
    }

    static String abbreviate(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }

    private static String percent(long part, long whole) {
        return String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    private static String loadCss() {
        try (InputStream in = HtmlReportWriter.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css is missing beside " + HtmlReportWriter.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
