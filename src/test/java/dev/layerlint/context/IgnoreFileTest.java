package dev.layerlint.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IgnoreFileTest {

    private static List<String> patterns(String content) throws IgnoreFileException {
        return IgnoreFile.parse(".dockerignore", content).patterns().stream().map(IgnorePattern::toString).toList();
    }

    @Test
    void keepsLineNumbersOfEffectivePatterns() throws IgnoreFileException {
        IgnoreFile file = IgnoreFile.parse("ctx/.dockerignore", "# build output\n\ntarget\n  \n!target/app.jar\n");
        assertEquals("ctx/.dockerignore", file.name());
        assertEquals(List.of(new IgnorePattern(3, "target", false), new IgnorePattern(5, "target/app.jar", true)),
                file.patterns());
    }

    @Test
    void onlyALeadingHashIsAComment() throws IgnoreFileException {
        assertEquals(List.of("# not a comment", "a#b"), patterns("#comment\n  # not a comment\na#b\n#\n"));
    }

    @Test
    void trimsWhiteSpaceAroundPatternAndAfterExclamationMark() throws IgnoreFileException {
        assertEquals(List.of("a b", "!c", "!d e"), patterns("  a b \t\n!  c\n ! d e  \n"));
    }

    @Test
    void splitsLinesLikeGoScanner() throws IgnoreFileException {
        assertEquals(List.of("a", "b\rc", "d"), patterns("a\r\nb\rc\r\nd"));
        assertEquals(List.of("a"), patterns("a\r"));
        assertEquals(List.of(), patterns(""));
    }

    @Test
    void dropsByteOrderMarkOnFirstLineOnly() throws IgnoreFileException {
        IgnoreFile file = IgnoreFile.parse("x", "\uFEFF# comment\n\uFEFFb\n");
        assertEquals(List.of(new IgnorePattern(2, "\uFEFFb", false)), file.patterns());
        assertEquals(List.of("a"), patterns("\uFEFFa"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "./a|a",
        "a/../b|b",
        "/a|a",
        "//a/b/|a/b",
        "/|/",
        "a/|a",
        "a/.|a",
        ".|.",
        "..|..",
        "../a|../a",
        "!/a/./b/|!a/b",
        "!./a|!a",
        "!.|!.",
        "!..|!..",
        "!../a|!../a",
        // ReadAll cleans "../../a", then patternmatcher.New cleans "!../../a": "!.." is a name and ".." removes it
        "!../../a|a",
        "a /|a",
        "**/|**",
        "**/*.log/|**/*.log",
    })
    void cleansPatternsTwiceLikeDocker(String line, String expected) throws IgnoreFileException {
        assertEquals(List.of(expected), patterns(line));
    }

    @Test
    void aLoneExclamationMarkIsAnError() {
        IgnoreFileException error = assertThrows(IgnoreFileException.class,
                () -> IgnoreFile.parse("app/.dockerignore", "a\n\n!  \n"));
        assertEquals("app/.dockerignore", error.file());
        assertEquals(3, error.line());
        assertEquals("app/.dockerignore:3: illegal exclusion pattern: \"!\"", error.getMessage());
    }

    @Test
    void anExceptionOfTheRootIsAnError() {
        IgnoreFileException error = assertThrows(IgnoreFileException.class,
                () -> IgnoreFile.parse(".dockerignore", "!/"));
        assertEquals(".dockerignore:1: illegal exclusion pattern: \"!\"", error.getMessage());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "2|[",
        "2|a[b",
        "2|!x/[]a]",
        "2|a\\",
        "2|*.[ch",
        "2|[a-]",
    })
    void invalidGlobIsASyntaxErrorNamingFileAndLine(int line, String pattern) {
        IgnoreFileException error = assertThrows(IgnoreFileException.class,
                () -> IgnoreFile.parse("Dockerfile.dockerignore", "ok\n" + pattern + "\n"));
        assertEquals(line, error.line());
        String cleaned = pattern.startsWith("!") ? pattern.substring(1) : pattern;
        assertEquals("Dockerfile.dockerignore:2: syntax error in pattern \"" + cleaned + "\"", error.getMessage());
    }

    @Test
    void aPatternGoRegexpRejectsIsReadAsDockerReadsIt() throws IgnoreFileException {
        // Docker's reader only checks the glob syntax; the regexp fails when a path is first checked
        IgnoreFile file = IgnoreFile.parse(".dockerignore", "*.log\nfoo\\q*\n[Local-Only]/\n");
        assertEquals(List.of("*.log", "foo\\q*", "[Local-Only]"), file.patterns().stream().map(IgnorePattern::pattern).toList());
    }

    @Test
    void parsesAFileFromDiskWithItsPathAsName(@TempDir Path dir) throws IOException, IgnoreFileException {
        Path file = dir.resolve(".dockerignore");
        Files.write(file, "\uFEFFnode_modules\n!node_modules/keep\n\u00e9t\u00e9/\n".getBytes(StandardCharsets.UTF_8));
        IgnoreFile parsed = IgnoreFile.parse(file);
        assertEquals(file.toString(), parsed.name());
        assertEquals(List.of(new IgnorePattern(1, "node_modules", false),
                new IgnorePattern(2, "node_modules/keep", true),
                new IgnorePattern(3, "\u00e9t\u00e9", false)), parsed.patterns());
    }

    @Test
    void anUnreadableFileIsAnIgnoreFileException(@TempDir Path dir) {
        Path missing = dir.resolve("gone.dockerignore");
        IgnoreFileException error = assertThrows(IgnoreFileException.class, () -> IgnoreFile.parse(missing));
        assertEquals(0, error.line());
        assertEquals(missing + ": cannot read: " + missing, error.getMessage());
    }

    @Test
    void invalidUtf8IsReadWithReplacementCharacters(@TempDir Path dir) throws IOException, IgnoreFileException {
        Path file = dir.resolve(".dockerignore");
        Files.write(file, new byte[] {'a', (byte) 0xFF, '\n', 'b'});
        assertEquals(List.of(new IgnorePattern(1, "a\uFFFD", false), new IgnorePattern(2, "b", false)),
                IgnoreFile.parse(file).patterns());
    }
}
