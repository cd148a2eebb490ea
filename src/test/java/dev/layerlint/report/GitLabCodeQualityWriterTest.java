package dev.layerlint.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class GitLabCodeQualityWriterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path project;

    @Test
    void oneIssuePerFinding() throws Exception {
        List<Path> written = new GitLabCodeQualityWriter().write(ReportFixtures.lint(), ReportFixtures.target(project, Optional.empty()));

        assertEquals(List.of(project.resolve("target/layerlint/lint-codequality.json")), written);
        JsonNode issues = MAPPER.readTree(written.get(0).toFile());
        assertEquals(3, issues.size());
        JsonNode runs = issues.get(1);
        assertEquals("{\"type\":\"issue\",\"check_name\":\"ConsecutiveRuns\","
                + "\"description\":\"2 consecutive RUN instructions (lines 4, 5) | combine them with && <one layer>\","
                + "\"severity\":\"info\",\"fingerprint\":\"" + runs.get("fingerprint").asText() + "\","
                + "\"location\":{\"path\":\"Dockerfile\",\"lines\":{\"begin\":4,\"end\":5}}}", runs.toString());
        assertEquals("major", issues.get(0).get("severity").asText());
        assertEquals("critical", issues.get(2).get("severity").asText());
        assertEquals("services/api/Dockerfile", issues.get(2).get("location").get("path").asText());
        assertEquals(64, runs.get("fingerprint").asText().length());
    }

    @Test
    void fingerprintsSurviveLineMovesAndTellIdenticalFindingsApart() {
        Finding here = new Finding("RunsAsRoot", Severity.WARNING, "Dockerfile", 3, 1, 3, "no USER", Optional.empty());
        Finding moved = new Finding("RunsAsRoot", Severity.WARNING, "Dockerfile", 9, 1, 9, "no USER", Optional.empty());
        Finding other = new Finding("RunsAsRoot", Severity.WARNING, "api/Dockerfile", 3, 1, 3, "no USER", Optional.empty());

        String first = fingerprints(here).get(0);
        assertEquals(first, fingerprints(moved).get(0));
        assertEquals(first, fingerprints(here).get(0));
        assertNotEquals(first, fingerprints(other).get(0));
        List<String> twice = fingerprints(here, moved);
        assertEquals(first, twice.get(0));
        assertNotEquals(twice.get(0), twice.get(1));
    }

    private static List<String> fingerprints(Finding... findings) {
        ReportModel model = new ReportModel(new GoalReport("1", "lint", List.of(findings), Map.of()),
                ReportScope.NONE, Optional.empty(), List.of());
        JsonNode issues = new GitLabCodeQualityWriter().render(model);
        return java.util.stream.StreamSupport.stream(issues.spliterator(), false)
                .map(issue -> issue.get("fingerprint").asText()).toList();
    }
}
