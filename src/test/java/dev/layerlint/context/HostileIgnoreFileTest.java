package dev.layerlint.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Ignore files meant to exhaust time or memory: each is refused with its file and line, or answered quickly. */
class HostileIgnoreFileTest {

    @TempDir
    Path dir;

    /** Was an OutOfMemoryError: /dev/zero never ends. */
    @Test
    void deviceIsRefused() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve(".dockerignore"), Path.of("/dev/zero"));
        IgnoreFileException e = assertThrows(IgnoreFileException.class, () -> IgnoreFile.parse(link));
        assertEquals(link + ": is not a regular file but a FIFO, socket or device: layerlint reads only regular files here",
                e.getMessage());
    }

    /** Would block forever: nothing writes to the FIFO. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void fifoIsRefused() throws Exception {
        Path fifo = dir.resolve(".dockerignore");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is not available");
        IgnoreFileException e = assertThrows(IgnoreFileException.class, () -> IgnoreFile.parse(fifo));
        assertEquals(fifo + ": is not a regular file but a FIFO, socket or device: layerlint reads only regular files here",
                e.getMessage());
    }

    /** Was an OutOfMemoryError for 200 MB. */
    @Test
    void fileOverTheLimitIsRefused() throws IOException {
        Path file = Files.write(dir.resolve(".dockerignore"), new byte[(int) IgnoreFile.MAX_FILE_BYTES + 1]);
        IgnoreFileException e = assertThrows(IgnoreFileException.class, () -> IgnoreFile.parse(file));
        assertEquals(file + ": is larger than 4,194,304 bytes, the most layerlint reads for such a file (see docs/limits.md)",
                e.getMessage());
    }

    /** A handful of very long patterns ran out of memory after minutes. */
    @Test
    void patternOverTheLimitIsRefusedAtItsLine() {
        String text = "*.tmp\n" + "a*".repeat(IgnoreFile.MAX_PATTERN_LENGTH) + "\n";
        IgnoreFileException e = assertThrows(IgnoreFileException.class, () -> IgnoreFile.parse(".dockerignore", text));
        assertEquals(".dockerignore:2: the line is longer than 16,384 characters, the longest pattern layerlint reads "
                + "(see docs/limits.md)", e.getMessage());
    }

    @Test
    void patternsOverTheLimitAreRefusedAtTheFirstOneTooMany() {
        String text = "# many\n" + "x\n".repeat(IgnoreFile.MAX_PATTERNS + 1);
        IgnoreFileException e = assertThrows(IgnoreFileException.class, () -> IgnoreFile.parse(".dockerignore", text));
        assertEquals(".dockerignore:10002: more than 10,000 patterns, the most layerlint reads from an ignore file "
                + "(see docs/limits.md)", e.getMessage());
    }

    /**
     * Every file was tried against every pattern's regular expression: 10,000 patterns over 5,000 files gave no
     * answer in two minutes. A file is now tried only against patterns that could match it.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void tenThousandPatternsOverFiveThousandFiles() throws Exception {
        Files.writeString(dir.resolve("Dockerfile"), "FROM alpine:3.20.3\n");
        for (int d = 0; d < 50; d++) {
            Path sub = Files.createDirectories(dir.resolve("d" + d));
            for (int f = 0; f < 100; f++) {
                Files.writeString(sub.resolve("x" + f + ".tmp"), "x");
            }
        }
        StringBuilder patterns = new StringBuilder();
        for (int i = 0; i < IgnoreFile.MAX_PATTERNS - 2; i++) {
            patterns.append("*/y").append(i).append("*.tmp\n");
        }
        patterns.append("d7/*\n!d7/x1*\n");
        Files.writeString(dir.resolve(".dockerignore"), patterns);
        ContextScan scan = BuildContext.analyse(dir.resolve("Dockerfile"), dir, ScanOptions.DEFAULTS);
        assertEquals(5_000 - 100 + 11 + 2, scan.sentFiles().size());
    }

    /**
     * The walk's threads used to stay behind the goal (an OutOfMemoryError in one of them kept the JVM alive):
     * they are now ended and waited for before the walk returns.
     */
    @Test
    void noWalkerThreadOutlivesTheWalk() throws Exception {
        Files.writeString(dir.resolve("Dockerfile"), "FROM alpine:3.20.3\n");
        for (int d = 0; d < 20; d++) {
            Files.writeString(Files.createDirectories(dir.resolve("d" + d + "/e")).resolve("f"), "x");
        }
        BuildContext.analyse(dir.resolve("Dockerfile"), dir, ScanOptions.DEFAULTS);
        assertEquals(List.of(), Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith(BuildContext.WORKER_NAME) || name.matches("ForkJoinPool-\\d+-worker-\\d+"))
                .toList());
    }
}
