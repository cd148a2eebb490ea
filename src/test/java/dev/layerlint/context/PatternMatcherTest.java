package dev.layerlint.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PatternMatcherTest {

    static PatternMatcher matcher(String... lines) {
        try {
            return PatternMatcher.of(IgnoreFile.parse("test", String.join("\n", lines)));
        } catch (IgnoreFileException e) {
            throw new AssertionError(e);
        }
    }

    /** The verdict of a context walk: each parent directory is matched first and hands on its state. */
    static boolean walkExcludes(PatternMatcher matcher, String path) {
        PatternMatcher.MatchState state = PatternMatcher.MatchState.ROOT;
        String[] parts = path.split("/");
        String current = "";
        for (String part : parts) {
            current = current.isEmpty() ? part : current + "/" + part;
            state = matcher.match(current, state);
        }
        return state.excluded();
    }

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        // literals, and their parents
        "target|target|true",
        "target|target/app.jar|true",
        "target|src/target|false",
        "target|targets|false",
        "src/main|src/main/java/A.java|true",
        "README.md|readme.md|false",
        // * and ? stay within one path element
        "*.log|app.log|true",
        "*.log|logs/app.log|false",
        "*/*.log|logs/app.log|true",
        "*/*.log|a/b/app.log|false",
        "*|anything/below|true",
        "?.txt|a.txt|true",
        "?.txt|ab.txt|false",
        "a?b|a/b|false",
        "\u00e9?|\u00e9\u00e8|true",
        // ** anywhere
        "**|a/b/c|true",
        "**/*.log|app.log|true",
        "**/*.log|a/b/app.log|true",
        "**/node_modules|node_modules|true",
        "**/node_modules|web/node_modules/x/y|true",
        "**/node_modules|web/my_node_modules|false",
        "**node_modules|web/my_node_modules|true",
        "dir/**|dir|false",
        "dir/**|dir/a|true",
        "dir/**|dir/a/b|true",
        "dir**|dir2/x|true",
        "a/**/b|a/b|true",
        "a/**/b|a/x/y/b|true",
        "a/**/b|a/xb|false",
        "a**b|ab|true",
        "a**b|ax/b|true",
        "a**b|axb|false",
        "a/**/*.txt|a/x.txt|true",
        "a/**/*.txt|a/b/c/x.txt|true",
        "***|x/y|true",
        // character classes
        "[abc].txt|b.txt|true",
        "[abc].txt|d.txt|false",
        "[^abc].txt|d.txt|true",
        "[a-c]x|bx|true",
        "[!a]x|!x|true",
        "[!a]x|bx|false",
        "[\\]]x|]x|true",
        "[[:alpha:]]x|qx|true",
        "[[:alpha:]]x|1x|false",
        // a * or ? inside a class is rewritten like outside: [*] is the regexp [[^/]*]
        "[*]|*|false",
        "[*]|]|true",
        "[*]|[^]|true",
        // escapes and regexp metacharacters
        "a\\*b|a*b|true",
        "a\\*b|axb|false",
        "\\[x]|[x]|true",
        "a.b|a.b|true",
        "a.b|axb|false",
        "a(b)+c|a(b)+c|true",
        "{x}|{x}|true",
        "a$|a$|true",
        // ^ is copied into the regexp unescaped: an anchor that cannot match mid-path
        "a^b|a^b|true",
        "a^b*|a^bc|false",
        // \b is a word boundary to Go's regexp
        "foo\\bar*|foobar|false",
        // a pattern of the root never matches a relative path
        "/|x|false",
        ".|x|false",
    })
    void singlePatternMatchesOrParentMatches(String pattern, String path, boolean expected) {
        PatternMatcher matcher = matcher(pattern);
        assertEquals(expected, matcher.matchesOrParentMatches(path));
        assertEquals(expected, walkExcludes(matcher, path), "walk");
    }

    @Test
    void compilesToTheCheapestMatcher() {
        assertEquals(new CompiledPattern.Exact("a/b.c"), compile("a/b.c"));
        assertEquals(new CompiledPattern.Prefix("a/"), compile("a/**"));
        assertEquals(new CompiledPattern.Prefix("a"), compile("a**"));
        assertEquals(new CompiledPattern.Suffix("/b"), compile("**/b"));
        assertEquals(new CompiledPattern.Suffix(""), compile("**"));
        assertEquals("^(.*/)?[^/]*\\.log$", regexp("**/*.log"));
        assertEquals("^a(.*/)?b$", regexp("a**b"));
        assertEquals("^a/[^/]*/.*$", regexp("a/*/**"));
        assertEquals("^[[^/]*]$", regexp("[*]"));
        assertEquals("^a\\*b$", regexp("a\\*b"));
        assertEquals("^x\\(1\\)[^/]$", regexp("x(1)?"));
    }

    private static CompiledPattern compile(String pattern) {
        return CompiledPattern.compile(new IgnorePattern(1, pattern, false));
    }

    private static String regexp(String pattern) {
        return assertInstanceOf(CompiledPattern.Regexp.class, compile(pattern)).regexp().pattern();
    }

    @Test
    void lastMatchingLineWins() {
        PatternMatcher matcher = matcher("*.md", "!README*.md", "README-secret.md");
        assertTrue(matcher.matchesOrParentMatches("CHANGES.md"));
        assertFalse(matcher.matchesOrParentMatches("README.md"));
        assertTrue(matcher.matchesOrParentMatches("README-secret.md"));
        assertFalse(matcher.matchesOrParentMatches("notes.txt"));
    }

    @Test
    void anExceptionBeforeAnyExclusionChangesNothing() {
        PatternMatcher matcher = matcher("!keep", "*");
        assertTrue(matcher.matchesOrParentMatches("keep"));
        assertTrue(matcher.hasExceptions());
        assertFalse(matcher("*").hasExceptions());
    }

    @Test
    void anExceptionReIncludesBelowAnExcludedDirectory() {
        PatternMatcher matcher = matcher("docs", "!docs/api/**");
        assertTrue(walkExcludes(matcher, "docs"));
        assertTrue(walkExcludes(matcher, "docs/api"));
        assertFalse(walkExcludes(matcher, "docs/api/index.html"));
        assertTrue(walkExcludes(matcher, "docs/guide/index.html"));
    }

    @Test
    void exceptionOfADirectoryReIncludesItsContents() {
        PatternMatcher matcher = matcher("**", "!src");
        assertFalse(walkExcludes(matcher, "src/a/b.java"));
        assertTrue(walkExcludes(matcher, "pom.xml"));
        assertFalse(matcher.matchesOrParentMatches("src/a/b.java"));
    }

    @Test
    void theWalkDiffersFromParentMatchingWhenAPatternWasSkippedForTheParent() {
        // For "a" the exception "!a" is not consulted (nothing excluded "a" yet), so "a/x" does not
        // inherit it; matching "a/x" on its own tries "!a" on the parent "a" as well.
        PatternMatcher matcher = matcher("a/x", "!a");
        assertTrue(walkExcludes(matcher, "a/x"));
        assertFalse(matcher.matchesOrParentMatches("a/x"));
        assertFalse(walkExcludes(matcher, "a/y"));
    }

    @Test
    void matchStateOfTheRootConsultsParentDirectories() {
        PatternMatcher matcher = matcher("a/b");
        assertTrue(matcher.match("a/b/c", PatternMatcher.MatchState.ROOT).excluded());
        PatternMatcher.MatchState a = matcher.match("a", PatternMatcher.MatchState.ROOT);
        assertFalse(a.excluded());
        assertTrue(matcher.match("a/b/c", matcher.match("a/b", a)).excluded());
    }

    @Test
    void exposesThePatternsInOrder() {
        PatternMatcher matcher = matcher("a", "", "!b");
        assertEquals(Arrays.asList(new IgnorePattern(1, "a", false), new IgnorePattern(3, "b", true)),
                matcher.patterns());
    }
}
