package dev.layerlint.report;

import dev.layerlint.text.Plural;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code <goal>.md}: a short summary for people (findings table, image size against its budgets, the
 * largest layers, the build contexts), GitHub-flavoured. When {@code GITHUB_STEP_SUMMARY} names a file it is
 * appended there as well, so the job's summary page shows it.
 */
final class MarkdownWriter implements FormatWriter {

    static final int TOP_LAYERS = 5;
    static final int TOP_FILES = 3;
    private static final int COMMAND_WIDTH = 80;

    @Override
    public String fileName(String goal) {
        return goal + ".md";
    }

    @Override
    public List<Path> write(ReportModel model, ReportTarget target) throws IOException {
        String markdown = render(model);
        List<Path> written = new ArrayList<>();
        written.add(AtomicFiles.writeString(target.outputDirectory(), fileName(model.name()), markdown));
        if (target.stepSummary().isPresent()) {
            Path summary = target.stepSummary().get();
            Files.writeString(summary, markdown + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            written.add(summary);
        }
        return written;
    }

    String render(ReportModel model) {
        StringBuilder md = new StringBuilder();
        md.append("### layerlint ").append(model.name()).append(": ").append(model.report().summaryLine()).append("\n\n");
        if (model.findings().isEmpty()) {
            md.append("No findings.\n");
        } else {
            md.append("| Severity | Location | Rule | Message |\n|---|---|---|---|\n");
            for (Finding f : model.findings()) {
                md.append("| ").append(f.severity().id())
                        .append(" | ").append(code(location(f)))
                        .append(" | ").append(ruleLink(f.ruleId()))
                        .append(" | ").append(cell(f.message()))
                        .append(" |\n");
            }
        }
        model.image().ifPresent(image -> appendImage(md, image));
        if (!model.contexts().isEmpty()) {
            appendContexts(md, model.contexts());
        }
        return md.toString();
    }

    private static void appendImage(StringBuilder md, ImageSummary image) {
        md.append("\n#### Image ").append(code(image.reference())).append(": ").append(ByteSizes.format(image.size()))
                .append(" in ").append(Plural.count(image.layers().size(), "layer"))
                .append(", ").append(ByteSizes.format(image.wastedBytes())).append(" wasted (")
                .append(String.format(Locale.ROOT, "%.1f", image.efficiency() * 100)).append(" % efficiency)\n\n");
        if (!image.budgets().isEmpty()) {
            md.append("| Budget | Limit | Actual | Result |\n|---|---:|---:|---|\n");
            for (BudgetLine b : image.budgets()) {
                md.append("| ").append(cell(b.name()))
                        .append(" | ").append(b.display(b.limit()))
                        .append(" | ").append(b.display(b.actual()))
                        .append(" | ").append(b.passed() ? "within" : "**over**")
                        .append(" |\n");
            }
            md.append('\n');
        }
        List<LayerSummary> top = image.largestLayers(TOP_LAYERS);
        if (!top.isEmpty()) {
            md.append("Largest layers:\n\n| Layer | Size | Wasted | Instruction | Created by |\n|---:|---:|---:|---|---|\n");
            for (LayerSummary layer : top) {
                md.append("| ").append(layer.index())
                        .append(" | ").append(ByteSizes.format(layer.size()))
                        .append(" | ").append(ByteSizes.format(layer.wastedBytes()))
                        .append(" | ").append(layer.instructionLocation().map(MarkdownWriter::code).orElse(""))
                        .append(" | ").append(code(abbreviate(layer.createdBy().strip(), COMMAND_WIDTH)))
                        .append(" |\n");
            }
        }
    }

    private static void appendContexts(StringBuilder md, List<ContextSummary> contexts) {
        md.append("\n#### Build contexts\n\n| Dockerfile | Context | Files | Size | Largest files |\n|---|---|---:|---:|---|\n");
        for (ContextSummary c : contexts) {
            String largest = c.largest().stream().limit(TOP_FILES)
                    .map(f -> code(f.path()) + " " + ByteSizes.format(f.bytes()))
                    .collect(Collectors.joining(", "));
            md.append("| ").append(code(c.dockerfile()))
                    .append(" | ").append(code(c.directory()))
                    .append(" | ").append(String.format(Locale.ROOT, "%,d", c.files()))
                    .append(" | ").append(ByteSizes.format(c.bytes()))
                    .append(" | ").append(largest)
                    .append(" |\n");
        }
    }

    private static String location(Finding f) {
        if (f.line() <= 0) {
            return f.file();
        }
        return f.file() + ":" + f.line() + (f.column() > 0 ? ":" + f.column() : "");
    }

    private static String ruleLink(String ruleId) {
        return RuleDescriptions.helpUri(ruleId).map(uri -> "[" + ruleId + "](" + uri + ")").orElse(cell(ruleId));
    }

    /** A code span, or escaped plain text when the value itself holds a backtick. */
    static String code(String text) {
        String oneLine = text.replaceAll("\\s*\\R\\s*", " ");
        return oneLine.contains("`") ? cell(oneLine) : "`" + oneLine.replace("|", "\\|") + "`";
    }

    /** Text safe in a table cell: one line, pipes escaped, no HTML. */
    static String cell(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ")
                .replace("\\", "\\\\")
                .replace("|", "\\|")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("*", "\\*")
                .replace("_", "\\_")
                .replace("`", "\\`");
    }

    private static String abbreviate(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
