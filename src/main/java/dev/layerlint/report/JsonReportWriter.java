package dev.layerlint.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes {@code <goal>.json} in the report contract's shape. The common part (tool, findings, summary) is written
 * with Jackson's streaming generator; the data binder, which costs a cold Maven build hundreds of classes, is loaded
 * only for goals with sections (the image and context records).
 */
public final class JsonReportWriter {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    /** Writes the report to {@code <directory>/<name>.json} (atomically) and returns the file. */
    public Path write(GoalReport report, Path directory) throws IOException {
        return AtomicFiles.write(directory, report.name() + ".json", out -> writeTo(report, out));
    }

    /** The report as a JSON tree, exactly as {@link #write} writes it. */
    public ObjectNode toJson(GoalReport report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            writeTo(report, bytes);
            return (ObjectNode) Sections.MAPPER.readTree(bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the " + report.goal() + " report", e);
        }
    }

    private static void writeTo(GoalReport report, OutputStream out) throws IOException {
        try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8).useDefaultPrettyPrinter()) {
            json.writeStartObject();
            json.writeObjectFieldStart("tool");
            json.writeStringField("name", "layerlint");
            json.writeStringField("version", report.toolVersion());
            json.writeEndObject();
            json.writeStringField("goal", report.goal());
            if (report.execution().isPresent()) {
                json.writeStringField("execution", report.execution().get());
            }
            json.writeArrayFieldStart("findings");
            for (Finding f : report.findings()) {
                json.writeStartObject();
                json.writeStringField("ruleId", f.ruleId());
                json.writeStringField("severity", f.severity().id());
                json.writeStringField("file", f.file());
                json.writeNumberField("line", f.line());
                json.writeNumberField("column", f.column());
                json.writeNumberField("endLine", f.endLine());
                json.writeStringField("message", f.message());
                if (f.checklist().isPresent()) {
                    json.writeStringField("checklist", f.checklist().get().text());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeObjectFieldStart("summary");
            for (Map.Entry<Severity, Integer> count : report.summary().entrySet()) {
                json.writeNumberField(count.getKey().id(), count.getValue());
            }
            json.writeEndObject();
            for (Map.Entry<String, Object> section : report.sections().entrySet()) {
                json.writeFieldName(section.getKey());
                Sections.MAPPER.writeValue(json, section.getValue());
            }
            json.writeEndObject();
        }
    }

    /** The data binder, for the goal-specific sections (records with Optional fields); loaded on first use. */
    private static final class Sections {
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .addModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module())
                .build();
    }
}
