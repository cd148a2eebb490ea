package dev.layerlint.rules.context;

import dev.layerlint.budget.ByteSize;
import dev.layerlint.rules.ContextOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ContextTooLargeTest {

    @TempDir
    Path root;

    private ContextOptions limit(String size) throws Exception {
        ContextOptions defaults = ContextOptions.DEFAULTS;
        return new ContextOptions(defaults.requiredExclusions(), defaults.wholesaleExclusions(), defaults.secretPatterns(),
                Optional.of(ByteSize.parse(size, "maxContextSize")));
    }

    @Test
    void namesTheLimitAndTheLargestFiles() throws Exception {
        ContextFixture context = new ContextFixture(root)
                .dockerfile("FROM python:3.12-slim", "COPY app.py /app/")
                .dockerignore(".git")
                .file("app.py", "print()")
                .file("data/dump.sql", 80_000_000)
                .file("data/extract.csv", 1_200_000);
        assertEquals(List.of("error .dockerignore: [ContextTooLarge] the build context sends 5 files (81.2MB), more than "
                        + "maxContextSize 50MB; largest: data/dump.sql (80MB), data/extract.csv (1.2MB), Dockerfile (40B), "
                        + "app.py (7B), .dockerignore (5B)"),
                ContextFixture.of("ContextTooLarge", context.lint(limit("50MB"))));
    }

    @Test
    void withoutIgnoreFileTheFindingIsOnTheDockerfile() throws Exception {
        ContextFixture context = new ContextFixture(root).dockerfile("FROM scratch").file("blob", 2048);
        assertEquals(List.of("error Dockerfile: [ContextTooLarge] the build context sends 2 files (2.06kB), more than "
                        + "maxContextSize 2kB; largest: blob (2.05kB), Dockerfile (13B)"),
                ContextFixture.of("ContextTooLarge", context.lint(limit("2kB"))));
    }

    @Test
    void quietAtTheLimitAndWithoutOne() throws Exception {
        ContextFixture context = new ContextFixture(root).dockerfile("FROM scratch").file("blob", 1987);
        assertEquals(List.of(), ContextFixture.of("ContextTooLarge", context.lint(limit("2000"))));
        assertEquals(List.of(), ContextFixture.of("ContextTooLarge", context.lint()));
    }
}
