package dev.layerlint.context;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A pattern whose regular expression Go rejects ({@code [Local-Only]}: a backwards range) passes
 * when Docker reads the ignore file; the build fails only when the context walk first checks a path
 * against it, and a pattern that is never consulted does no harm.
 */
class InvalidPatternTimingTest {

    @TempDir
    Path dir;

    private ContextScan scan(String ignore, String... files) throws IOException, IgnoreFileException {
        Files.writeString(dir.resolve(".dockerignore"), ignore);
        Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        for (String f : files) {
            Path p = dir.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "x");
        }
        return BuildContext.analyse(dir.resolve("Dockerfile"), dir, ScanOptions.DEFAULTS);
    }

    @Test
    void aPatternCheckedAgainstAPathFailsAtTheFirstPathInWalkOrder() {
        IgnoreFileException e = assertThrows(IgnoreFileException.class, () -> scan("# local\n[Local-Only]/\n", "a/x", "a-b"));
        assertEquals(2, e.line());
        assertEquals(dir.resolve(".dockerignore") + ":2: syntax error in pattern \"[Local-Only]\": "
                + "error parsing regexp: invalid character class range: `l-O`; docker build accepts the file but fails with "
                + "\"failed to match excludepatterns: syntax error in pattern\" at the first path it checks against the pattern "
                + "(here .dockerignore): fix or remove the pattern", e.getMessage());
    }

    @Test
    void anExceptionNothingExcludedBeforeIsNeverChecked() throws Exception {
        ContextScan scan = scan("a\n![Local-Only]\n", "b");
        assertEquals(List.of(".dockerignore", "Dockerfile", "b"), scan.sentFiles());
    }

    @Test
    void anExceptionIsCheckedOnceAnEarlierPatternExcludesAPath() {
        IgnoreFileException e = assertThrows(IgnoreFileException.class, () -> scan("b\n![Local-Only]\n", "b", "c"));
        assertEquals(2, e.line());
        assertEquals(true, e.getMessage().contains("(here b)"), e.getMessage());
    }

    @Test
    void anInvalidEscapeIsLikewiseLate() {
        IgnoreFileException e = assertThrows(IgnoreFileException.class, () -> scan("foo\\q*\n", "z"));
        assertEquals(true, e.getMessage().contains("error parsing regexp: invalid escape sequence: `\\q`"), e.getMessage());
    }
}
