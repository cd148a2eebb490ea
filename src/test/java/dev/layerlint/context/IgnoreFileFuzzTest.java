package dev.layerlint.context;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Coverage-guided fuzzing of {@code .dockerignore} parsing and matching. An input is the ignore file,
 * optionally followed by a NUL byte and newline-separated context paths to match (else a fixed set).
 * The only failure allowed is {@link IgnoreFileException} for an invalid pattern; matching never
 * fails. Without {@code JAZZER_FUZZ} the seeds in {@code IgnoreFileFuzzTestInputs/parseAndMatch} run
 * as regression tests.
 */
class IgnoreFileFuzzTest {

    private static final List<String> DEFAULT_PATHS = List.of(
            ".git/config", "src/main/App.java", "node_modules/a/index.js", "Dockerfile", ".dockerignore",
            "docs/a b/[x].md", "a/b/c/d/e.txt", "secrets/.env", "dir\\with\\backslash");

    @FuzzTest(maxDuration = "1m")
    void parseAndMatch(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        int nul = text.indexOf('\0');
        String content = nul < 0 ? text : text.substring(0, nul);
        List<String> paths = nul < 0 ? DEFAULT_PATHS : List.of(text.substring(nul + 1).split("\n"));
        IgnoreFile ignoreFile;
        try {
            ignoreFile = IgnoreFile.parse(".dockerignore", content);
        } catch (IgnoreFileException e) {
            return;
        }
        PatternMatcher matcher = PatternMatcher.of(ignoreFile);
        for (String path : paths) {
            matcher.matchesOrParentMatches(path);
            walk(matcher, path);
        }
    }

    /** Matches as a context walk does: each directory on the way down, then the path. */
    private static void walk(PatternMatcher matcher, String path) {
        PatternMatcher.MatchState state = PatternMatcher.MatchState.ROOT;
        int slash = path.indexOf('/');
        while (slash >= 0) {
            state = matcher.match(path.substring(0, slash), state);
            slash = path.indexOf('/', slash + 1);
        }
        matcher.match(path, state);
    }
}
