package dev.layerlint.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The project's shared source material beside the repository: the Dockerfile corpus and the seed documents. A clone
 * without it skips the tests that read it, each with one line naming what is missing.
 */
public final class SharedFiles {

    private SharedFiles() {
    }

    public static Path corpus() {
        Path dir = Path.of(System.getProperty("layerlint.corpus", "../shared/corpus")).resolve("dockerfiles");
        assumeTrue(Files.isDirectory(dir), () -> "skipped: no Dockerfile corpus at " + dir.toAbsolutePath().normalize()
                + " (set -Dlayerlint.corpus to the folder holding dockerfiles/)");
        return dir;
    }

    public static Path seeds() {
        Path dir = Path.of(System.getProperty("layerlint.seeds", "../shared/seeds"));
        assumeTrue(Files.isDirectory(dir), () -> "skipped: no seed documents at " + dir.toAbsolutePath().normalize()
                + " (set -Dlayerlint.seeds to the folder holding layer-best-practices.md)");
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
