package dev.layerlint.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReportJsonTest {

    @TempDir
    Path directory;

    @Test
    void contractSectionsBecomeTheSummaries() throws Exception {
        ReportModel inspect = ReportModel.of(ContractSections.withSections(ReportFixtures.inspect()), ReportScope.NONE);
        ReportModel dockerignore = ReportModel.of(ContractSections.withSections(ReportFixtures.dockerignore()), ReportScope.NONE);

        assertEquals(Optional.of(ReportFixtures.image()), inspect.image());
        assertEquals(List.of(), inspect.contexts());
        assertEquals(List.of(ReportFixtures.context()), dockerignore.contexts());
        assertEquals(Optional.empty(), dockerignore.image());
    }

    @Test
    void aSectionOutOfShapeIsNamed() {
        GoalReport report = new GoalReport("1", "inspect", List.of(), java.util.Map.of("image", java.util.Map.of("reference", 3)));

        MalformedReportException e = assertThrows(MalformedReportException.class, () -> ReportModel.of(report, ReportScope.NONE));
        assertEquals("the inspect report: image.layers missing", e.getMessage());
    }

    @Test
    void writtenReportsReadBackToTheSameModel() throws Exception {
        for (ReportModel model : List.of(ReportFixtures.lint(), ReportFixtures.inspect(), ReportFixtures.dockerignore())) {
            Path json = new JsonReportWriter().write(ContractSections.withSections(model), directory);

            ReportModel read = ReportJson.read(json);

            assertEquals(model.findings(), read.findings());
            assertEquals(model.goal(), read.goal());
            assertEquals("1.2.3", read.report().toolVersion());
            assertEquals(model.image(), read.image());
            assertEquals(model.contexts(), read.contexts());
            assertEquals(ReportScope.NONE, read.scope());
        }
    }

    @Test
    void readAllTakesGoalReportsInGoalOrderOnly() throws Exception {
        assertEquals(List.of(), ReportJson.readAll(directory.resolve("missing")));
        for (ReportModel model : List.of(ReportFixtures.inspect(), ReportFixtures.dockerignore(), ReportFixtures.lint())) {
            new JsonReportWriter().write(ContractSections.withSections(model), directory);
        }
        new JsonReportWriter().write(new GoalReport("1", "custom", List.of(), java.util.Map.of()), directory);
        Files.writeString(directory.resolve("lint-codequality.json"), "[]");
        Files.writeString(directory.resolve("notes.txt"), "x");

        assertEquals(List.of("lint", "dockerignore", "inspect", "custom"),
                ReportJson.readAll(directory).stream().map(ReportModel::goal).toList());
    }

    @Test
    void twoExecutionsOfAGoalKeepTheirOwnReports() throws Exception {
        Finding api = new Finding("RunsAsRoot", Severity.WARNING, "api/Dockerfile", 1, 1, 1, "a", Optional.empty());
        Finding worker = new Finding("RunsAsRoot", Severity.WARNING, "worker/Dockerfile", 1, 1, 1, "w", Optional.empty());
        Path apiFile = new JsonReportWriter().write(new GoalReport("1", "lint", Optional.of("api"), List.of(api), java.util.Map.of()), directory);
        Path workerFile = new JsonReportWriter().write(new GoalReport("1", "lint", Optional.of("worker"), List.of(worker), java.util.Map.of()), directory);
        new JsonReportWriter().write(new GoalReport("1", "inspect", List.of(), java.util.Map.of()), directory);
        Files.writeString(directory.resolve("lint-api-codequality.json"), "[]");

        assertEquals(List.of("lint-api.json", "lint-worker.json"), List.of(apiFile.getFileName().toString(), workerFile.getFileName().toString()));
        List<ReportModel> read = ReportJson.readAll(directory);
        assertEquals(List.of("lint-api", "lint-worker", "inspect"), read.stream().map(ReportModel::name).toList());
        assertEquals(List.of(List.of(api), List.of(worker), List.of()), read.stream().map(ReportModel::findings).toList());
    }

    @Test
    void malformedReportsNameFileAndField() throws Exception {
        assertEquals("lint.json:2:1: not JSON: Unexpected end-of-input within/between Object entries",
                readError("lint.json", "{\"goal\": \"lint\",\n"));
        assertEquals("lint.json: findings[0].severity 'fatal' is not error, warning or info",
                readError("lint.json", "{\"tool\": {\"version\": \"1\"}, \"goal\": \"lint\", \"findings\": [{\"severity\": \"fatal\"}]}"));
        assertEquals("inspect.json: image.layers[0].size not an integer",
                readError("inspect.json", "{\"tool\": {\"version\": \"1\"}, \"goal\": \"inspect\", \"findings\": [], "
                        + "\"image\": {\"layers\": [{\"index\": 0, \"size\": \"big\"}]}}"));
        assertEquals("lint.json: tool missing", readError("lint.json", "{\"goal\": \"lint\"}"));
    }

    private String readError(String name, String content) throws Exception {
        Path file = directory.resolve(name);
        Files.writeString(file, content);
        return assertThrows(MalformedReportException.class, () -> ReportJson.read(file)).getMessage();
    }
}
