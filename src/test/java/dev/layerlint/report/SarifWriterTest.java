package dev.layerlint.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.layerlint.rules.RuleCatalog;
import dev.layerlint.rules.RuleInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SarifWriterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchema SCHEMA = loadSchema();

    @TempDir
    Path project;

    @Test
    void writtenFileIsValidSarifWithTheFindings() throws Exception {
        List<Path> written = new SarifWriter().write(ReportFixtures.lint(), ReportFixtures.target(project, Optional.empty()));

        assertEquals(List.of(project.resolve("target/layerlint/lint.sarif")), written);
        JsonNode sarif = MAPPER.readTree(written.get(0).toFile());
        assertEquals(Set.of(), SCHEMA.validate(sarif));

        JsonNode run = sarif.get("runs").get(0);
        JsonNode expectedResults = MAPPER.readTree("""
                [ {"ruleId": "BaseImageUnpinned", "ruleIndex": 0, "level": "warning",
                   "message": {"text": "base image python:latest is on `latest`; pin a version tag"},
                   "locations": [ {"physicalLocation": {"artifactLocation": {"uri": "Dockerfile", "uriBaseId": "%SRCROOT%"},
                                   "region": {"startLine": 1, "startColumn": 1, "endLine": 1}}} ]},
                  {"ruleId": "ConsecutiveRuns", "ruleIndex": 1, "level": "note",
                   "message": {"text": "2 consecutive RUN instructions (lines 4, 5) | combine them with && <one layer>"},
                   "locations": [ {"physicalLocation": {"artifactLocation": {"uri": "Dockerfile", "uriBaseId": "%SRCROOT%"},
                                   "region": {"startLine": 4, "startColumn": 1, "endLine": 5}}} ]},
                  {"ruleId": "RunsAsRoot", "ruleIndex": 2, "level": "error",
                   "message": {"text": "the final stage (FROM eclipse-temurin:21-jre) never sets USER"},
                   "locations": [ {"physicalLocation": {"artifactLocation": {"uri": "services/api/Dockerfile", "uriBaseId": "%SRCROOT%"},
                                   "region": {"startLine": 1, "startColumn": 1, "endLine": 1}}} ]} ]
                """);
        assertEquals(expectedResults, run.get("results"));
        assertEquals("2.1.0", sarif.get("version").asText());
        JsonNode driver = run.get("tool").get("driver");
        assertEquals("layerlint", driver.get("name").asText());
        assertEquals("1.2.3", driver.get("version").asText());
        assertEquals("layerlint/lint/", run.get("automationDetails").get("id").asText());
    }

    @Test
    void rulesCarryTheCatalogMetadataAndLinkToTheirDocs() {
        JsonNode rules = new SarifWriter().render(ReportFixtures.lint()).get("runs").get(0).get("tool").get("driver").get("rules");

        assertEquals(3, rules.size());
        String[] ids = {"BaseImageUnpinned", "ConsecutiveRuns", "RunsAsRoot"};
        for (int i = 0; i < ids.length; i++) {
            JsonNode rule = rules.get(i);
            RuleInfo info = RuleCatalog.find(ids[i]).orElseThrow().info();
            assertEquals(ids[i], rule.get("id").asText());
            assertEquals(info.summary(), rule.get("shortDescription").get("text").asText());
            assertEquals(info.description(), rule.get("fullDescription").get("text").asText());
            assertEquals("https://github.com/layerlint/layerlint/blob/main/docs/rules/" + ids[i] + ".md",
                    rule.get("helpUri").asText());
            assertEquals(SarifWriter.level(info.severity()), rule.get("defaultConfiguration").get("level").asText());
            assertTrue(Files.isRegularFile(Path.of("docs/rules", ids[i] + ".md")), "the help URI's page exists in docs/rules");
        }
        assertEquals("warning", rules.get(0).get("defaultConfiguration").get("level").asText());
        assertEquals("note", rules.get(1).get("defaultConfiguration").get("level").asText());
        assertEquals("Related RUN commands combined with &&", rules.get(1).get("properties").get("checklist").asText());
        assertEquals("[\"docker\",\"DL3002\"]", rules.get(2).get("properties").get("tags").toString());
    }

    @Test
    void aRuleTheCatalogDoesNotKnowIsNotDescribedAndAFindingWithoutLinePointsAtLineOne() {
        Finding imageLevel = new Finding("SizeBudget", Severity.ERROR, "Dockerfile", 0, 0, 0, "too big", Optional.empty());
        Finding noFile = new Finding("RetiredRule", Severity.WARNING, "", 0, 0, 0, "a key in layer 3", Optional.empty());
        ReportModel model = new ReportModel(new GoalReport("1.2.3", "inspect", List.of(imageLevel, noFile), Map.of()),
                ReportScope.NONE, Optional.empty(), List.of());

        ObjectNode sarif = new SarifWriter().render(model);

        assertEquals(Set.of(), SCHEMA.validate(sarif));
        JsonNode results = sarif.get("runs").get(0).get("results");
        assertEquals("{\"ruleId\":\"RetiredRule\",\"level\":\"warning\",\"message\":{\"text\":\"a key in layer 3\"}}",
                results.get(0).toString());
        assertEquals("{\"artifactLocation\":{\"uri\":\"Dockerfile\",\"uriBaseId\":\"%SRCROOT%\"},"
                        + "\"region\":{\"startLine\":1,\"endLine\":1}}",
                results.get(1).get("locations").get(0).get("physicalLocation").toString());
        assertEquals("[]", sarif.get("runs").get(0).get("tool").get("driver").get("rules").toString());
    }

    @Test
    void theSchemaCheckRejectsBrokenSarif() {
        ObjectNode sarif = new SarifWriter().render(ReportFixtures.lint());
        ((ObjectNode) sarif.get("runs").get(0).get("results").get(0)).put("level", "warn");

        Set<ValidationMessage> errors = SCHEMA.validate(sarif);

        assertFalse(errors.isEmpty());
        assertTrue(errors.toString().contains("level"), errors.toString());
    }

    private static JsonSchema loadSchema() {
        try (InputStream in = SarifWriterTest.class.getResourceAsStream("sarif-schema-2.1.0.json")) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(MAPPER.readTree(in), config);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the SARIF schema", e);
        }
    }
}
