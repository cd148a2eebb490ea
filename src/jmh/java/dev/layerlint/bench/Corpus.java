package dev.layerlint.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The Dockerfiles of the shared corpus, read once into memory (system property {@code layerlint.corpus}). */
final class Corpus {

    private Corpus() {
    }

    static List<String> dockerfiles() {
        Path directory = Path.of(System.getProperty("layerlint.corpus", "../shared/corpus")).resolve("dockerfiles");
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().contains("Dockerfile")).sorted()
                    .map(Corpus::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the corpus at " + directory
                    + " (set -Dlayerlint.corpus=DIR, the directory holding dockerfiles/)", e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
