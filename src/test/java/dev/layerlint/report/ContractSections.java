package dev.layerlint.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The goal-specific sections in the report contract's JSON shape (DESIGN.md "Reports"), built from the
 * summary records, as the {@code inspect} and {@code dockerignore} goals' own models serialize.
 */
final class ContractSections {

    private ContractSections() {
    }

    static Map<String, Object> of(ImageSummary image) {
        Map<String, Object> sections = new LinkedHashMap<>();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("reference", image.reference());
        json.put("id", "sha256:0123");
        json.put("size", image.size());
        json.put("compressedSize", image.size() / 3);
        json.put("layers", image.layers().stream().map(ContractSections::layer).toList());
        json.put("wastedBytes", image.wastedBytes());
        json.put("efficiency", image.efficiency());
        json.put("largest", files(image.largestFiles()));
        sections.put("image", json);
        sections.put("budgets", image.budgets().stream().map(b -> Map.of(
                "name", b.name(), "limit", b.limit(), "actual", b.actual(), "passed", b.passed())).toList());
        return sections;
    }

    static Map<String, Object> of(ContextSummary context) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("dockerfile", context.dockerfile());
        json.put("directory", context.directory());
        json.put("ignoreFile", ".dockerignore");
        json.put("files", context.files());
        json.put("bytes", context.bytes());
        json.put("excludedFiles", 17);
        json.put("excludedBytes", 4096);
        json.put("largest", files(context.largest()));
        return Map.of("contexts", List.of(json));
    }

    private static Map<String, Object> layer(LayerSummary layer) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("index", layer.index());
        json.put("digest", "sha256:layer" + layer.index());
        json.put("size", layer.size());
        json.put("createdBy", layer.createdBy());
        layer.file().ifPresent(file -> json.put("instruction", Map.of("file", file, "line", layer.line())));
        json.put("wastedBytes", layer.wastedBytes());
        return json;
    }

    private static List<Map<String, Object>> files(List<FileSize> files) {
        return files.stream().map(f -> Map.<String, Object>of("path", f.path(), "bytes", f.bytes())).toList();
    }

    static GoalReport withSections(ReportModel model) {
        Map<String, Object> sections = new LinkedHashMap<>();
        model.image().ifPresent(image -> sections.putAll(of(image)));
        model.contexts().forEach(context -> sections.putAll(of(context)));
        return new GoalReport(model.report().toolVersion(), model.goal(), model.findings(), sections);
    }
}
