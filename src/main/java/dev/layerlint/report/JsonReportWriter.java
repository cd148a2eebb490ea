package dev.layerlint.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Writes {@code <goal>.json} in the report contract's shape. */
public final class JsonReportWriter {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .addModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module())
            .build();

    /** Writes the report to {@code <directory>/<goal>.json} (atomically) and returns the file. */
    public Path write(GoalReport report, Path directory) throws IOException {
        ObjectNode json = toJson(report);
        return ReportFiles.write(directory, report.goal() + ".json", out -> MAPPER.writeValue(out, json));
    }

    public ObjectNode toJson(GoalReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode tool = root.putObject("tool");
        tool.put("name", "layerlint");
        tool.put("version", report.toolVersion());
        root.put("goal", report.goal());
        ArrayNode findings = root.putArray("findings");
        for (Finding f : report.findings()) {
            ObjectNode node = findings.addObject();
            node.put("ruleId", f.ruleId());
            node.put("severity", f.severity().id());
            node.put("file", f.file());
            node.put("line", f.line());
            node.put("column", f.column());
            node.put("endLine", f.endLine());
            node.put("message", f.message());
            f.checklist().ifPresent(c -> node.put("checklist", c.text()));
        }
        ObjectNode summary = root.putObject("summary");
        report.summary().forEach((severity, count) -> summary.put(severity.id(), count));
        for (Map.Entry<String, Object> section : report.sections().entrySet()) {
            root.set(section.getKey(), MAPPER.valueToTree(section.getValue()));
        }
        return root;
    }
}
