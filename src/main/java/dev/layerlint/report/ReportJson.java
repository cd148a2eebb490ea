package dev.layerlint.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads a {@code <goal>.json} report (the report contract) back into the writers' model. */
public final class ReportJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> GOAL_ORDER = List.of("lint", "dockerignore", "inspect");
    /** {@code lint.json}, {@code lint-api.json}; not another format's JSON ({@code lint-codequality.json}). */
    private static final Pattern GOAL_REPORT = Pattern.compile("(?!.*-codequality\\.json$)[a-z]+(-[A-Za-z0-9_.-]+)?\\.json");

    private ReportJson() {
    }

    /**
     * Reads every {@code <goal>.json} and {@code <goal>-<execution>.json} report in a directory, in goal order
     * ({@code lint}, {@code dockerignore}, {@code inspect}, then others by name); other formats' JSON files
     * ({@code lint-codequality.json}) are not goal reports and are left out. Empty when the directory does not exist.
     */
    public static List<ReportModel> readAll(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(p -> GOAL_REPORT.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p))
                    .sorted(Comparator.comparingInt(ReportJson::goalRank)
                            .thenComparing(p -> p.getFileName().toString().contains("-")) // lint.json before lint-api.json
                            .thenComparing(Path::getFileName))
                    .toList();
        }
        List<ReportModel> reports = new ArrayList<>();
        for (Path file : files) {
            reports.add(read(file));
        }
        return reports;
    }

    private static int goalRank(Path file) {
        String name = file.getFileName().toString().replace(".json", "");
        int rank = GOAL_ORDER.indexOf(name.contains("-") ? name.substring(0, name.indexOf('-')) : name);
        return rank < 0 ? GOAL_ORDER.size() : rank;
    }

    /** Reads one report file; the scope is the files its findings name, as the JSON keeps no more. */
    public static ReportModel read(Path file) throws IOException {
        String source = String.valueOf(file.getFileName());
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw new MalformedReportException(source + ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr()
                    + ": not JSON: " + e.getOriginalMessage());
        }
        Field top = new Field(root, source);
        String goal = top.text("goal");
        String version = top.object("tool").text("version");
        List<Finding> findings = new ArrayList<>();
        for (Field f : top.array("findings")) {
            findings.add(finding(f));
        }
        Optional<String> execution = root.hasNonNull("execution") ? Optional.of(top.text("execution")) : Optional.empty();
        GoalReport report = new GoalReport(version, goal, execution, findings, Map.of());
        return new ReportModel(report, ReportScope.NONE, image(root, source), contexts(root, source));
    }

    /** The {@code image} section with its {@code budgets}, if the report has one. */
    static Optional<ImageSummary> image(JsonNode root, String source) throws MalformedReportException {
        Field top = new Field(root, source);
        if (!top.has("image")) {
            return Optional.empty();
        }
        Field image = top.object("image");
        List<LayerSummary> layers = new ArrayList<>();
        for (Field layer : image.array("layers")) {
            Optional<Field> instruction = layer.has("instruction") ? Optional.of(layer.object("instruction")) : Optional.empty();
            Optional<String> file = instruction.isPresent() ? Optional.of(instruction.get().text("file")) : Optional.empty();
            int line = instruction.isPresent() ? instruction.get().integer("line") : 0;
            layers.add(new LayerSummary(layer.integer("index"), layer.number("size"), layer.number("wastedBytes"),
                    layer.text("createdBy"), file, line));
        }
        List<BudgetLine> budgets = new ArrayList<>();
        if (top.has("budgets")) {
            for (Field budget : top.array("budgets")) {
                // inspect writes limit/actual as displayed text and the numbers as limitValue/actualValue
                budgets.add(new BudgetLine(budget.text("name"), budget.rounded(budget.has("limitValue") ? "limitValue" : "limit"),
                        budget.rounded(budget.has("actualValue") ? "actualValue" : "actual"), budget.bool("passed")));
            }
        }
        List<FileSize> largest = image.has("largest") ? fileSizes(image.array("largest")) : List.of();
        return Optional.of(new ImageSummary(image.text("reference"), image.number("size"), layers,
                image.number("wastedBytes"), image.decimal("efficiency"), budgets, largest));
    }

    /** The {@code contexts} section, empty if the report has none. */
    static List<ContextSummary> contexts(JsonNode root, String source) throws MalformedReportException {
        Field top = new Field(root, source);
        if (!top.has("contexts")) {
            return List.of();
        }
        List<ContextSummary> contexts = new ArrayList<>();
        for (Field context : top.array("contexts")) {
            contexts.add(new ContextSummary(context.text("dockerfile"), context.text("directory"), context.number("files"),
                    context.number("bytes"), fileSizes(context.array("largest"))));
        }
        return contexts;
    }

    private static Finding finding(Field f) throws MalformedReportException {
        String severityId = f.text("severity");
        Severity severity = Severity.parse(severityId)
                .orElseThrow(() -> f.malformed("severity", "'" + severityId + "' is not error, warning or info"));
        Optional<ChecklistItem> checklist = Optional.empty();
        if (f.has("checklist")) {
            String text = f.text("checklist");
            checklist = Optional.of(Arrays.stream(ChecklistItem.values()).filter(c -> c.text().equals(text)).findFirst()
                    .orElseThrow(() -> f.malformed("checklist", "'" + text + "' is no checklist item")));
        }
        return new Finding(f.text("ruleId"), severity, f.text("file"), f.integer("line"), f.integer("column"),
                f.integer("endLine"), f.text("message"), checklist);
    }

    private static List<FileSize> fileSizes(List<Field> entries) throws MalformedReportException {
        List<FileSize> sizes = new ArrayList<>();
        for (Field entry : entries) {
            sizes.add(new FileSize(entry.text("path"), entry.number("bytes")));
        }
        return sizes;
    }

    /** A JSON value, its file and its path there ({@code image.layers[2]}), for exact error messages. */
    private record Field(JsonNode node, String source, String path) {

        Field(JsonNode root, String source) {
            this(root, source, "");
        }

        private String child(String name) {
            return path.isEmpty() ? name : path + "." + name;
        }

        boolean has(String name) {
            return node.hasNonNull(name);
        }

        private JsonNode get(String name) throws MalformedReportException {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                throw malformed(name, "missing");
            }
            return value;
        }

        String text(String name) throws MalformedReportException {
            JsonNode value = get(name);
            if (!value.isTextual()) {
                throw malformed(name, "not a string");
            }
            return value.asText();
        }

        long number(String name) throws MalformedReportException {
            JsonNode value = get(name);
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                throw malformed(name, "not an integer");
            }
            return value.asLong();
        }

        /** A number, rounded to a whole one (budgets on percentages and efficiency have fractions). */
        long rounded(String name) throws MalformedReportException {
            JsonNode value = get(name);
            if (!value.isNumber()) {
                throw malformed(name, "not a number");
            }
            return Math.round(value.asDouble());
        }

        int integer(String name) throws MalformedReportException {
            JsonNode value = get(name);
            if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                throw malformed(name, "not an integer");
            }
            return value.asInt();
        }

        double decimal(String name) throws MalformedReportException {
            JsonNode value = get(name);
            if (!value.isNumber()) {
                throw malformed(name, "not a number");
            }
            return value.asDouble();
        }

        boolean bool(String name) throws MalformedReportException {
            JsonNode value = get(name);
            if (!value.isBoolean()) {
                throw malformed(name, "not true or false");
            }
            return value.asBoolean();
        }

        Field object(String name) throws MalformedReportException {
            JsonNode value = get(name);
            if (!value.isObject()) {
                throw malformed(name, "not an object");
            }
            return new Field(value, source, child(name));
        }

        List<Field> array(String name) throws MalformedReportException {
            JsonNode value = get(name);
            if (!value.isArray()) {
                throw malformed(name, "not an array");
            }
            List<Field> items = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                items.add(new Field(value.get(i), source, child(name) + "[" + i + "]"));
            }
            return items;
        }

        MalformedReportException malformed(String name, String problem) {
            return new MalformedReportException(source + ": " + child(name) + " " + problem);
        }
    }
}
