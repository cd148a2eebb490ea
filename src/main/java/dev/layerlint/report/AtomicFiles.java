package dev.layerlint.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files the plugin writes (reports, the baseline on request) are written to a temporary file beside them and moved
 * into place, so a CI tool never reads half a report and a build that fails half way leaves the old file as it was.
 */
public final class AtomicFiles {

    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    public static Path write(Path directory, String fileName, Content content) throws IOException {
        Files.createDirectories(directory);
        Path target = directory.resolve(fileName);
        Path temp = Files.createTempFile(directory, fileName, ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                content.writeTo(out);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
    }

    public static Path writeString(Path directory, String fileName, String text) throws IOException {
        return write(directory, fileName, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
