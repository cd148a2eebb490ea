package dev.layerlint.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ReportWritersTest {

    @TempDir
    Path project;

    @Test
    void everyFormatWritesItsFileAndTheSameBytesOnEveryRun() throws Exception {
        ReportFixtures.project(project);
        ReportTarget target = ReportFixtures.target(project, Optional.of(Severity.WARNING));
        ReportModel model = ReportModel.of(ContractSections.withSections(ReportFixtures.inspect()), ReportScope.NONE);
        new JsonReportWriter().write(model.report(), target.outputDirectory());

        List<Path> first = ReportWriters.write(List.of(ReportFormat.values()), model, target);
        List<byte[]> firstBytes = new ArrayList<>();
        for (Path file : first) {
            firstBytes.add(Files.readAllBytes(file));
        }
        List<Path> second = ReportWriters.write(List.of(ReportFormat.values()), model, target);

        Path out = target.outputDirectory();
        assertEquals(List.of(out.resolve("inspect.sarif"), out.resolve("inspect-checkstyle.xml"), out.resolve("inspect-codequality.json"),
                out.resolve("TEST-layerlint-inspect.xml"), out.resolve("inspect.md"), out.resolve("index.html")), first);
        assertEquals(first, second);
        for (int i = 0; i < first.size(); i++) {
            assertArrayEquals(firstBytes.get(i), Files.readAllBytes(second.get(i)), first.get(i) + " changed between runs");
        }
        try (var files = Files.list(out)) {
            assertEquals(List.of("TEST-layerlint-inspect.xml", "index.html", "inspect-checkstyle.xml", "inspect-codequality.json",
                    "inspect.json", "inspect.md", "inspect.sarif"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary files are left behind");
        }
    }
}
