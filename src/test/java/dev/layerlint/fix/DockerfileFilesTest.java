package dev.layerlint.fix;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DockerfileFilesTest {

    @TempDir
    Path dir;

    @Test
    void theRewriteKeepsTheModeAndLeavesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("Dockerfile");
        Files.writeString(file, "FROM alpine\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-x---"));
        DockerfileFiles.write(file, "Dockerfile", "FROM alpine:3.20\n");
        assertEquals("FROM alpine:3.20\n", Files.readString(file));
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void aSymbolicLinkStaysALinkAndItsTargetIsRewritten() throws Exception {
        Path target = dir.resolve("real.Dockerfile");
        Files.writeString(target, "FROM alpine\n");
        Path link = Files.createSymbolicLink(dir.resolve("Dockerfile"), target.getFileName());
        DockerfileFiles.write(link, "Dockerfile", "FROM alpine:3.20\n");
        assertEquals(true, Files.isSymbolicLink(link));
        assertEquals("FROM alpine:3.20\n", Files.readString(target));
    }

    @Test
    void aReadOnlyFileIsNotRewritten() throws Exception {
        Path file = dir.resolve("Dockerfile");
        Files.writeString(file, "FROM alpine\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        DockerfileFiles.FileException e = assertThrows(DockerfileFiles.FileException.class,
                () -> DockerfileFiles.write(file, "svc/Dockerfile", "FROM alpine:3.20\n"));
        assertEquals("svc/Dockerfile is read-only, so layerlint:fix leaves it as it is; make it writable (chmod u+w) "
                + "or see the changes with -Dlayerlint.fix.dryRun=true", e.getMessage());
        assertEquals("FROM alpine\n", Files.readString(file));
    }

    @Test
    void aFileThatIsNotUtf8IsNotRead() throws IOException {
        Path file = dir.resolve("Dockerfile");
        Files.write(file, new byte[] {'F', 'R', 'O', 'M', ' ', (byte) 0xe9, '\n'});
        DockerfileFiles.FileException e = assertThrows(DockerfileFiles.FileException.class,
                () -> DockerfileFiles.read(file, "Dockerfile"));
        assertEquals("Dockerfile is not UTF-8 text, so it is not rewritten; nothing was changed", e.getMessage());
    }

    @Test
    void aByteOrderMarkAndCrlfLineEndsSurviveAFix() throws Exception {
        Path file = dir.resolve("Dockerfile");
        String text = "\uFEFFFROM python:3.12-slim\r\nRUN pip install flask\r\n";
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        FixOutcome.Fixed fixed = (FixOutcome.Fixed) new Fixer(new dev.layerlint.rules.Linter(dev.layerlint.rules.RuleSettings.DEFAULTS),
                java.util.Set.of("PipCacheKept")).fix("Dockerfile", DockerfileFiles.read(file, "Dockerfile"), java.util.Optional.empty());
        DockerfileFiles.write(file, "Dockerfile", fixed.after());
        assertArrayEquals("\uFEFFFROM python:3.12-slim\r\nRUN pip install --no-cache-dir flask\r\n".getBytes(StandardCharsets.UTF_8),
                Files.readAllBytes(file));
    }
}
