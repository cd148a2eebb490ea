package dev.layerlint.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoPathsTest {

    @ParameterizedTest(name = "clean({0}) = {1}")
    @CsvSource(delimiter = '|', value = {
        "''|.",
        "abc|abc",
        "abc/def|abc/def",
        "a/b/c|a/b/c",
        ".|.",
        "..|..",
        "../..|../..",
        "../../abc|../../abc",
        "/abc|/abc",
        "/|/",
        "abc/|abc",
        "abc/def/|abc/def",
        "/abc/|/abc",
        "//abc|/abc",
        "abc//def//ghi|abc/def/ghi",
        "abc//|abc",
        "abc/./def|abc/def",
        "/./abc/def|/abc/def",
        "abc/.|abc",
        "./abc|abc",
        "abc/def/ghi/../jkl|abc/def/jkl",
        "abc/def/../ghi/../jkl|abc/jkl",
        "abc/def/..|abc",
        "abc/def/../..|.",
        "/abc/def/../..|/",
        "abc/def/../../..|..",
        "/abc/def/../../..|/",
        "abc/def/../../../ghi/jkl/../../../mno|../../mno",
        "/../abc|/abc",
        "abc/./../def|def",
        "abc//./../def|def",
        "abc/../../././../def|../../def",
        "!a/../b|b",
        "!../../a|a",
        "..a/b|..a/b",
        "a/...|a/...",
    })
    void cleanMatchesGo(String path, String expected) {
        assertEquals(expected, GoPaths.clean(path));
    }

    @Test
    void trimSpaceUsesGoUnicodeSpaces() {
        assertEquals("a b", GoPaths.trimSpace("  a b  "));
        assertEquals("a", GoPaths.trimSpace("\t\na\u000B\f\r"));
        assertEquals("a", GoPaths.trimSpace("\u00A0a\u0085"));
        assertEquals("a", GoPaths.trimSpace("\u2003a\u3000\u205F"));
        // not white space to Go, although some are to Java
        assertEquals("\u200Ba", GoPaths.trimSpace("\u200Ba"));
        assertEquals("\uFEFFa", GoPaths.trimSpace("\uFEFFa"));
        assertEquals("\u001Ca\u001F", GoPaths.trimSpace("\u001Ca\u001F"));
        assertEquals("", GoPaths.trimSpace(" \t "));
    }

    @ParameterizedTest(name = "valid glob: {0}")
    @ValueSource(strings = {
        "abc", "*", "**", "a*b*c", "?", "[abc]", "[^abc]", "[a-z]", "[a-bc-d]", "[\\]]", "[\\-]",
        "[\\a-\\z]", "[*]", "[?]", "[[]", "[!a]", "[^^]", "\\*", "a\\[", "[[:alpha:]]", "]", "a]b",
        "[x]*[y]", "a/**/b", "\u00e9[\u00e0-\u00ff]",
    })
    void validGlobs(String pattern) {
        assertTrue(GoPaths.isValidGlob(pattern), pattern);
    }

    @ParameterizedTest(name = "invalid glob: {0}")
    @ValueSource(strings = {
        "[", "a[", "[a", "[]", "[]a]", "[^]", "[-]", "[-a]", "[a-]", "[a-b-c]", "\\", "a\\", "[\\",
        "[a\\", "[a-\\", "*[", "[x", "a*[b", "[^", "[a-z", "ok/[", "**/x\\",
    })
    void invalidGlobs(String pattern) {
        assertFalse(GoPaths.isValidGlob(pattern), pattern);
    }
}
