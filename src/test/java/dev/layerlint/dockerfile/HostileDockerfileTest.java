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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs meant to break a parser: each gives one definite result, quickly, without a stack or heap failure. */
class HostileDockerfileTest {

    private static final String RUN_LINE = "RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n";

    @TempDir
    Path directory;

    @Test
    void fiftyMegabyteDockerfileIsReadWhole() throws IOException {
        Path file = directory.resolve("Dockerfile");
        int runs = 50 * 1024 * 1024 / RUN_LINE.length();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("FROM debian:12\n");
            for (int i = 0; i < runs; i++) {
                out.write(RUN_LINE);
            }
        }
        Dockerfile parsed = success(DockerfileParser.parse(file, "Dockerfile"));
        assertEquals(runs + 1, parsed.instructions().size());
        assertEquals(runs + 1, parsed.instructions().get(runs).line());
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
}
