package dev.layerlint.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The project's shared source material: the Dockerfile corpus and the seed documents. */
public final class SharedFiles {

    private SharedFiles() {
    }

    public static Path corpus() {
        Path dir = Path.of(System.getProperty("layerlint.corpus", "../shared/corpus")).resolve("dockerfiles");
        assertTrue(Files.isDirectory(dir), "the Dockerfile corpus is missing at " + dir.toAbsolutePath());
        return dir;
    }

    public static Path seeds() {
        Path dir = Path.of(System.getProperty("layerlint.seeds", "../shared/seeds"));
        assertTrue(Files.isDirectory(dir), "the seed documents are missing at " + dir.toAbsolutePath());
        return dir;
    }

    /** Every corpus Dockerfile, templates and the SOURCES list aside, sorted by name. */
    public static List<Path> corpusDockerfiles() {
        try (Stream<Path> files = Files.list(corpus())) {
            return files.filter(p -> !p.getFileName().toString().endsWith(".template"))
                    .filter(p -> !p.getFileName().toString().endsWith(".md"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
