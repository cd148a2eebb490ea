package dev.layerlint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void replacesTheFileWhole() throws IOException {
        Files.writeString(dir.resolve("lint.json"), "old");
        Path written = AtomicFiles.writeString(dir.resolve("out"), "lint.json", "new");
        assertEquals(dir.resolve("out/lint.json"), written);
        AtomicFiles.writeString(dir, "lint.json", "new");
        assertEquals("new", Files.readString(dir.resolve("lint.json")));
        assertEquals(List.of("lint.json", "out"), listing(dir));
    }

    @Test
    void theReportGetsThePermissionsOfAnyFileTheBuildWrites() throws IOException {
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        Path written = AtomicFiles.writeString(dir, "lint.json", "{}");
        // rw-rw-rw- less the umask, as for every file the process creates; never the owner-only rw------- of a temp file
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(written));
    }

    @Test
    void aWriteThatFailsHalfWayLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Files.writeString(dir.resolve("lint.json"), "the previous report");
        IOException failure = assertThrows(IOException.class, () -> AtomicFiles.write(dir, "lint.json", out -> {
            out.write("{ \"half\" : ".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("disk full", failure.getMessage());
        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(dir, "lint.json", out -> {
            out.write('{');
            throw new IllegalStateException("encoder failed");
        }));
        assertEquals("the previous report", Files.readString(dir.resolve("lint.json")));
        assertEquals(List.of("lint.json"), listing(dir));
    }

    private static List<String> listing(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
