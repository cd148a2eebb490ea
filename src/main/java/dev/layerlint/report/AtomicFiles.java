package dev.layerlint.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

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
        Path temp = createTemporary(directory, fileName);
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

    /**
     * A temporary file that ends up with the permissions any other file the build writes gets: {@code rw-rw-rw-} less
     * the umask (so {@code rw-r--r--} under 022), not the owner-only {@code rw-------} of a plain temporary file, which
     * CI artifact uploads and web servers running as another user could not read.
     */
    private static Path createTemporary(Path directory, String fileName) throws IOException {
        if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(directory, fileName, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-rw-rw-")));
        }
        return Files.createTempFile(directory, fileName, ".tmp");
    }

    public static Path writeString(Path directory, String fileName, String text) throws IOException {
        return write(directory, fileName, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
