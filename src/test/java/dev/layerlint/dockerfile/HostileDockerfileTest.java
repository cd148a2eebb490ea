package dev.layerlint.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Inputs meant to break a parser: each gives one definite result, quickly, without a stack or heap failure. */
class HostileDockerfileTest {

    private static final String RUN_LINE = "RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n";

    @TempDir
    Path directory;

    @Test
    void dockerfileJustUnderTheLimitIsReadWhole() throws IOException {
        Path file = directory.resolve("Dockerfile");
        int runs = (int) ((DockerfileParser.MAX_FILE_BYTES - 100) / RUN_LINE.length());
        writeRuns(file, runs);
        Dockerfile parsed = success(DockerfileParser.parse(file, "Dockerfile"));
        assertEquals(runs + 1, parsed.instructions().size());
        assertEquals(runs + 1, parsed.instructions().get(runs).line());
    }

    /** Was an OutOfMemoryError for a 1 GiB file: the file was read whole before anything was checked. */
    @Test
    void dockerfileOverTheLimitIsRefusedWithoutReadingIt() throws IOException {
        Path file = directory.resolve("Dockerfile");
        writeRuns(file, (int) (DockerfileParser.MAX_FILE_BYTES / RUN_LINE.length()) + 1);
        ParseResult.Failure failure = assertInstanceOf(ParseResult.Failure.class, DockerfileParser.parse(file, "Dockerfile"));
        assertEquals(new ParseError(1, 1, "the Dockerfile is larger than 16,777,216 bytes, the most layerlint reads for "
                + "such a file (see docs/limits.md)"), failure.error());
    }

    /** Was an OutOfMemoryError for a 50 MB RUN line. */
    @Test
    void lineOverTheLimitIsRefusedAtItsLine() throws IOException {
        Path file = directory.resolve("Dockerfile");
        Files.writeString(file, "FROM a\nRUN echo " + "y".repeat(DockerfileParser.MAX_READ_LINE_BYTES) + "\n");
        ParseResult.Failure failure = assertInstanceOf(ParseResult.Failure.class, DockerfileParser.parse(file, "Dockerfile"));
        assertEquals(new ParseError(2, 2, "line 2 is longer than 1,048,576 bytes, the longest line layerlint reads "
                + "(see docs/limits.md)"), failure.error());
    }

    /** Was an OutOfMemoryError: /dev/zero never ends. */
    @Test
    void deviceBehindASymlinkIsNotRead() throws IOException {
        Path link = Files.createSymbolicLink(directory.resolve("Dockerfile"), Path.of("/dev/zero"));
        ParseResult.Failure failure = assertInstanceOf(ParseResult.Failure.class, DockerfileParser.parse(link, "Dockerfile"));
        assertEquals(new ParseError(1, 1, "the Dockerfile is not a regular file but a FIFO, socket or device: layerlint "
                + "reads only regular files here"), failure.error());
    }

    /** An ARG chain that doubles its value at each line would expand to 10^11 characters. */
    @Test
    void doublingArgChainStopsAtTheExpansionLimit() {
        StringBuilder text = new StringBuilder("ARG A0=0123456789abcdef\n");
        for (int i = 1; i <= 33; i++) {
            text.append("ARG A").append(i).append("=$A").append(i - 1).append("$A").append(i - 1).append('\n');
        }
        text.append("FROM alpine:$A33\n");
        ParseResult.Failure failure = assertInstanceOf(ParseResult.Failure.class, DockerfileParser.parse("Dockerfile",
                text.toString()));
        assertEquals(new ParseError(18, 18, "failed to process \"$A16$A16\": expands to more than 1048576 characters, the most "
                + "layerlint expands (see docs/limits.md)"), failure.error());
    }

    /** Nested defaults are expanded to a fixed depth, so no nesting can overflow the stack. */
    @Test
    void deeplyNestedDefaultsStopAtTheDepthLimit() {
        String word = "${A:-".repeat(10_000) + "x" + "}".repeat(10_000);
        ParseResult.Failure failure = assertInstanceOf(ParseResult.Failure.class, DockerfileParser.parse("Dockerfile",
                "ARG B=" + word + "\nFROM alpine\n"));
        assertEquals(1, failure.error().line());
        assertTrue(failure.error().message().endsWith(": variable substitutions nested more than 64 levels deep"),
                failure.error().message());
    }

    private static void writeRuns(Path file, int runs) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("FROM debian:12\n");
            for (int i = 0; i < runs; i++) {
                out.write(RUN_LINE);
            }
        }
    }

    @Test
    void oneMegabyteLineIsRefusedAsBuildKitRefusesIt() {
        String word = "x".repeat(1 << 20);
        ParseResult.Failure failure = assertInstanceOf(ParseResult.Failure.class,
                DockerfileParser.parse("Dockerfile", "FROM a\nRUN echo " + word + "\n"));
        assertEquals(new ParseError(2, 2, "dockerfile line greater than max allowed size of 65535"), failure.error());
    }

    /** Was a hang: the directive regex backtracked quadratically over the blanks (64 KB took 30 s). */
    @Test
    void directiveWithAMegabyteOfInnerBlanks() {
        String value = "docker/dockerfile:1" + " ".repeat(60_000) + "x";
        Dockerfile parsed = success(DockerfileParser.parse("Dockerfile", "# syntax=" + value + " \t\nFROM a\n"));
        assertEquals(List.of(new Directive("syntax", "docker/dockerfile:1", 1)), parsed.directives());
    }

    @Test
    void directiveValuesLoseTrailingBlanksButNeverBecomeEmpty() {
        assertEquals(List.of(new Directive("syntax", "a", 1)),
                success(DockerfileParser.parse("Dockerfile", "#syntax =  a b \t\r\nFROM a\n")).directives());
        assertEquals(List.of(new Directive("syntax", "", 1)),
                success(DockerfileParser.parse("Dockerfile", "# syntax=   \nFROM a\n")).directives());
    }

    @Test
    void hundredThousandContinuationLines() {
        String dockerfile = "FROM a\nRUN true \\\n" + " && echo \\\n".repeat(100_000) + " && true\n";
        Dockerfile parsed = success(DockerfileParser.parse("Dockerfile", dockerfile));
        Instruction run = parsed.instructions().get(1);
        assertEquals(2, run.line());
        assertEquals(100_003, run.endLine());
        assertEquals(("true " + " && echo ".repeat(100_000) + " && true").length(), run.args().get(0).length());
    }

    @Test
    void unterminatedHeredocFailsAtItsInstruction() {
        String dockerfile = "FROM a\nRUN <<EOF\n" + "echo\n".repeat(100_000);
        ParseResult.Failure failure = assertInstanceOf(ParseResult.Failure.class, DockerfileParser.parse("Dockerfile", dockerfile));
        assertEquals(new ParseError(2, 100_002, "unterminated heredoc"), failure.error());
    }

    @Test
    void invalidUtf8IsReplacedNotRefused() throws IOException {
        Path file = directory.resolve("Dockerfile");
        Files.write(file, new byte[] {'F', 'R', 'O', 'M', ' ', 'a', (byte) 0xC3, '\n', 'R', 'U', 'N', ' ', (byte) 0xFF, (byte) 0x80, '\n'});
        Dockerfile parsed = success(DockerfileParser.parse(file, "Dockerfile"));
        assertEquals("a\uFFFD", parsed.stages().get(0).from().args().get(0));
        assertEquals(List.of("\uFFFD\uFFFD"), parsed.instructions().get(1).args());
    }

    @Test
    void binaryFileIsAParseFailureOnItsFirstLine() throws IOException {
        byte[] bytes = new byte[1 << 20];
        new Random(8).nextBytes(bytes);
        bytes[0] = 0x7F; // ELF-like: no instruction keyword
        Path file = directory.resolve("Dockerfile");
        Files.write(file, bytes);
        ParseResult.Failure failure = assertInstanceOf(ParseResult.Failure.class, DockerfileParser.parse(file, "Dockerfile"));
        assertEquals(1, failure.error().line());
        assertTrue(failure.error().message().startsWith("unknown instruction: \u007F"), failure.error().message());
    }

    private static Dockerfile success(ParseResult result) {
        return assertInstanceOf(ParseResult.Success.class, result, result::toString).dockerfile();
    }

    /** Ran out of memory after minutes: the glob followed links back to their parents, through every combination. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void globsDoNotFollowSymlinkLoops() throws Exception {
        for (String name : List.of("a", "b")) {
            Path sub = Files.createDirectories(directory.resolve("src/" + name));
            Files.writeString(sub.resolve("Dockerfile"), "FROM alpine:3.20.3\n");
            Files.createSymbolicLink(sub.resolve("up"), Path.of(".."));
            Files.createSymbolicLink(sub.resolve("root"), directory);
        }
        assertEquals(List.of(directory.resolve("src/a/Dockerfile"), directory.resolve("src/b/Dockerfile")),
                DockerfileFinder.find(directory, "**/Dockerfile"));
    }
}
