package dev.layerlint.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.layerlint.rules.RuleInfo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code <goal>.sarif}: SARIF 2.1.0, as GitHub code scanning reads it. Locations are relative to the
 * project base directory ({@code %SRCROOT%}); the rules described are those of the catalog the findings refer to.
 */
final class SarifWriter implements FormatWriter {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String TOOL_URI = "https://github.com/layerlint/layerlint";

    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Override
    public String fileName(String goal) {
        return goal + ".sarif";
    }

    @Override
    public List<Path> write(ReportModel model, ReportTarget target) throws IOException {
        ObjectNode sarif = render(model);
        return List.of(AtomicFiles.write(target.outputDirectory(), fileName(model.name()), out -> MAPPER.writeValue(out, sarif)));
    }

    ObjectNode render(ReportModel model) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "layerlint");
        driver.put("version", model.report().toolVersion());
        driver.put("informationUri", TOOL_URI);
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> ruleIndex = new HashMap<>();
        // only rules the catalog describes: a descriptor with nothing but an id adds nothing to the result's ruleId
        model.findings().stream().map(Finding::ruleId).sorted().distinct().forEach(id ->
                RuleDescriptions.info(id).ifPresent(info -> {
                    ruleIndex.put(id, ruleIndex.size());
                    rules.add(rule(info));
                }));
        run.putObject("automationDetails").put("id", "layerlint/" + model.name() + "/");
        run.put("columnKind", "unicodeCodePoints");
        ArrayNode results = run.putArray("results");
        for (Finding f : model.findings()) {
            ObjectNode result = results.addObject();
            result.put("ruleId", f.ruleId());
            if (ruleIndex.containsKey(f.ruleId())) {
                result.put("ruleIndex", ruleIndex.get(f.ruleId()));
            }
            result.put("level", level(f.severity()));
            result.putObject("message").put("text", f.message());
            if (!f.file().isEmpty()) {
                ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
                ObjectNode artifact = physical.putObject("artifactLocation");
                artifact.put("uri", f.file());
                artifact.put("uriBaseId", "%SRCROOT%");
                // GitHub needs a line to show a result; a finding about the whole file points at its first
                ObjectNode region = physical.putObject("region");
                region.put("startLine", Math.max(f.line(), 1));
                if (f.column() > 0) {
                    region.put("startColumn", f.column());
                }
                region.put("endLine", Math.max(f.endLine(), 1));
            }
        }
        return root;
    }

    private static ObjectNode rule(RuleInfo info) {
        ObjectNode rule = MAPPER.createObjectNode();
        rule.put("id", info.id());
        rule.putObject("shortDescription").put("text", info.summary());
        rule.putObject("fullDescription").put("text", info.description());
        RuleDescriptions.helpUri(info.id()).ifPresent(uri -> rule.put("helpUri", uri));
        rule.putObject("help").put("text", info.summary()).put("markdown", info.description());
        rule.putObject("defaultConfiguration").put("level", level(info.severity()));
        ObjectNode properties = rule.putObject("properties");
        ArrayNode tags = properties.putArray("tags");
        tags.add("docker");
        for (String alias : info.aliases()) {
            tags.add(alias);
        }
        Arrays.stream(info.checklist()).findFirst().ifPresent(item -> properties.put("checklist", item.text()));
        return rule;
    }

    /** SARIF's levels: {@code error}, {@code warning}, {@code note}. */
    static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }
}
