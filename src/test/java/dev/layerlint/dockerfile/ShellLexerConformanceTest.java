package dev.layerlint.dockerfile;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The word lexer against the behaviours of BuildKit's shell lexer (its expansion and word tables),
 * in our own words: each row is {@code input | expected}, where {@code expected} is the word after
 * quote removal and expansion, {@code !} plus a message for an error BuildKit reports, or
 * {@code [a, b]} for the words ProcessWords gives. Variables: DIR=/srv, TOOL=maven, EMPTY=, WIDE="  a b  ",
 * NAME=日本.
 */
class ShellLexerConformanceTest {

    private static final ShellLexer.Env ENV = ShellLexer.Env.of(Map.of(
            "DIR", "/srv", "TOOL", "maven", "EMPTY", "", "WIDE", "  a b  ", "NAME", "日本"));

    /** Quotes, escapes and plain variables. */
    private static final String QUOTING = """
            plain                       | plain
            ma'v'en                     | maven
            ma'ven                      | !unexpected end of statement while looking for matching single-quote
            ma\\'ven                    | ma'ven
            ma\\\\'ven                  | !unexpected end of statement while looking for matching single-quote
            a\\tb                       | atb
            "a\\tb"                     | a\\tb
            "a\\\\tb"                   | a\\tb
            'a\\tb'                     | a\\tb
            trailing\\                  | trailing
            trailing\\\\                | trailing\\
            "open                       | !unexpected end of statement while looking for matching double-quote
            "open\\"                    | !unexpected end of statement while looking for matching double-quote
            "it's"                      | it's
            'open                       | !unexpected end of statement while looking for matching single-quote
            'single\\'                  | single\\
            'x\\\\y'                    | x\\\\y
            "''"                        | ''
            '"q"'                       | "q"
            $.                          | $.
            x$.y                        | x$.y
            at$DIR                      | at/srv
            at\\$DIR                    | at$DIR
            at\\\\$DIR                  | at\\/srv
            "at\\$DIR"                  | at$DIR
            "at\\\\$DIR"                | at\\/srv
            'at$DIR'                    | at$DIR
            '\\$DIR'                    | \\$DIR
            "in '$DIR'"                 | in '/srv'
            at$dir.                     | at.
            $NAME!                      | 日本!
            日'本'語                    | 日本語
            日本\\                      | 日本
            "日本                       | !unexpected end of statement while looking for matching double-quote
            """;

    /** Braces, operators and their errors. */
    private static final String BRACES = """
            ${}                         | !syntax error: bad substitution
            x${}y                       | !syntax error: bad substitution
            \\${}                       | ${}
            x\\${}y                     | x${}y
            ${DIR}                      | /srv
            ${NOPE}x                    | x
            ${.}                        | !unsupported modifier (.) in substitution
            ${{DIR}                     | !syntax error: bad substitution
            ${:}                        | !syntax error: bad substitution
            ${:-x}                      | !syntax error: bad substitution
            ${DIR                       | !unsupported modifier (\uFFFD) in substitution
            ${                          | !syntax error: missing '}'
            ${DIR}}                     | /srv}
            ${NOPE:-d}                  | d
            ${DIR:-d}                   | /srv
            ${EMPTY:-d}                 | d
            ${EMPTY-d}                  |
            ${NOPE-d}                   | d
            ${NOPE:-$DIR}               | /srv
            ${NOPE:-${DIR:-x}}          | /srv
            ${NOPE:-${NOT:-deep}}       | deep
            ${NOPE:-a}}                 | a}
            ${NOPE:-a                   | !syntax error: missing '}'
            ${NOPE:-a ${DIR}            | !syntax error: missing '}'
            ${NOPE:-a {b}               | a {b
            ${NOPE:-\\$DIR:}            | $DIR:
            ${NOPE:-\\${DIR}z}          | ${DIRz}
            ${DIR:+${DIR}:}             | /srv:
            ${DIR:+set}                 | set
            ${EMPTY:+set}               |
            ${EMPTY+set}                | set
            ${NOPE:+set}                |
            ${DIR:+${TOOL}}             | maven
            ${DIR:+${NOPE}}             |
            ${NOPE:x}                   | !unsupported modifier (:x) in substitution
            ${DIR:=x}                   | !unsupported modifier (:=) in substitution
            ${DIR=x}                    | !unsupported modifier (=) in substitution
            ${NOPE?}                    | !NOPE: is not allowed to be unset
            ${NOPE:?}                   | !NOPE: is not allowed to be unset
            ${NOPE?set it to $TOOL}     | !NOPE: set it to maven
            ${EMPTY?}                   |
            ${EMPTY:?}                  | !EMPTY: is not allowed to be empty
            ${EMPTY:?say so}            | !EMPTY: say so
            ${DIR?}                     | /srv
            ${DIR:?}                    | /srv
            """;

    /** Positional and special parameters: never set in a Dockerfile. */
    private static final String PARAMETERS = """
            $1                          |
            x$1y                        | xy
            ${1}                        |
            ${7:-d}                     | d
            ${7:+d}                     |
            $42                         |
            $42z                        | z
            ${42}z                      | z
            ${42:-d}z                   | dz
            $007z                       | z
            ${007:-d}                   | d
            $0                          |
            ${0:-d}                     | d
            $@                          |
            $@@x                        | @x
            ${@:-d}x                    | dx
            $*                          |
            ${*:+d}                     |
            $#                          |
            ${#}                        |
            ${#:-d}                     | d
            $?                          |
            ${?:-d}                     | d
            $-                          |
            ${-:-d}                     | d
            $$                          |
            ${$:-d}                     | d
            $!                          |
            ${!:-d}                     | d
            """;

    /** Pattern operators with BuildKit's glob: * and ? only, \\ escapes, shortest or longest match. */
    private static final String PATTERNS = """
            ${VERSION#v}                | 3.19.1
            ${VERSION#*.}               | 19.1
            ${VERSION##*.}              | 1
            ${VERSION%.*}               | v3.19
            ${VERSION%%.*}              | v3
            ${VERSION#}                 | v3.19.1
            ${VERSION%}                 | v3.19.1
            ${VERSION#*}                | v3.19.1
            ${VERSION##*}               |
            ${VERSION#v?}               | .19.1
            ${VERSION#x}                | v3.19.1
            ${VERSION/./-}              | v3-19.1
            ${VERSION//./-}             | v3-19-1
            ${VERSION//./}              | v3191
            ${VERSION///}               | v3.19.1
            ${VERSION/1*/x}             | v3.x
            ${VERSION/#v/x}             | v3.19.1
            ${GLOB#\\*}                 | *a*
            ${GLOB%%\\**}               |
            ${GLOB%\\**}                | **a
            ${GLOB//\\*/-}              | --a-
            ${PATH_//\\//\\\\}          | \\\\usr\\\\bin
            ${SYMBOLS#(a)[b]{c\\}^$.|+} | x
            ${VERSION#$LEAD}            | 3.19.1
            ${VERSION#$EMPTY}           | v3.19.1
            ${UNSET#v}                  |
            ${VERSION:#v}               | !unsupported modifier (:#) in substitution
            ${VERSION:%v}               | !unsupported modifier (:%) in substitution
            ${VERSION/v}                | !syntax error: missing '/' in ${}
            ${VERSION//}                | !syntax error: missing '/' in ${}
            ${VERSION#\\x}              | !invalid pattern (\\x) in substitution: invalid escape '\\x'
            ${VERSION/./$$}             | v319.1
            ${VERSION#$BS}              | !invalid pattern (\\) in substitution: invalid escape '\\%!c(int32=-1)'
            ${JARS/$NEEDLE/.}           | /opt.*/*.jar
            ${JARS//$NEEDLE/.}          | /opt..*.jar
            ${URL/$SCHEME/https://}     | https://example.org
            ${JARS/#/x}                 | /opt*/*/*.jar
            """;

    private static final ShellLexer.Env PATTERN_ENV = ShellLexer.Env.of(Map.ofEntries(
            Map.entry("VERSION", "v3.19.1"), Map.entry("GLOB", "**a*"), Map.entry("PATH_", "/usr/bin"),
            Map.entry("SYMBOLS", "(a)[b]{c}^$.|+x"), Map.entry("LEAD", "v"), Map.entry("EMPTY", ""), Map.entry("BS", "\\"),
            Map.entry("JARS", "/opt*/*/*.jar"), Map.entry("NEEDLE", "\\*/"), Map.entry("URL", "http://example.org"),
            Map.entry("SCHEME", "http://")));

    /** Word splitting after expansion (ProcessWords). */
    private static final String WORDS = """
            one two                     | [one, two]
            one\\ two                   | [one two]
            "one  two"                  | [one  two]
            x${WIDE}y                   | [x, a, b, y]
            x"${WIDE}"y                 | [x  a b  y]
            x "${WIDE}"                 | [x,   a b  ]
            "x                          | !unexpected end of statement while looking for matching double-quote
            a\\" b                      | [a", b]
            'q\\\\r'                    | [q\\\\r]
            """;

    @Test
    void quotingAndEscapes() {
        check(QUOTING, ENV);
    }

    @Test
    void bracesAndOperators() {
        check(BRACES, ENV);
    }

    @Test
    void positionalAndSpecialParameters() {
        check(PARAMETERS, ENV);
    }

    @Test
    void patternOperators() {
        check(PATTERNS, PATTERN_ENV);
    }

    @Test
    void wordSplitting() {
        check(WORDS, ENV);
    }

    @Test
    void errorsNameTheWordAsBuildKitDoes() {
        ShellLexer.WordException e = assertThrows(ShellLexer.WordException.class,
                () -> ShellLexer.of('\\').processWord("${X:?no \"X\"}", ShellLexer.Env.of(Map.of())));
        // the message is lexed too: its quotes are removed
        assertEquals("failed to process \"${X:?no \\\"X\\\"}\": X: no X", e.getMessage());
    }

    @Test
    void backtickEscape() {
        ShellLexer lexer = ShellLexer.of('`');
        assertEquals(List.of("C:\\dir", "$DIR"), words(lexer, "C:\\dir `$DIR"));
    }

    @Test
    void buildArgumentsWithoutDefaultNeverFailTheQuestionMarkOperator() throws ShellLexer.WordException {
        ShellLexer.Env env = new ShellLexer.Env(Map.of(), Set.of("VERSION"), false);
        assertEquals("", ShellLexer.of('\\').processWord("${VERSION:?set it}", env));
        assertThrows(ShellLexer.WordException.class, () -> ShellLexer.of('\\').processWord("${OTHER:?set it}", env));
        // a base image may set any variable
        assertEquals("", ShellLexer.of('\\').processWord("${OTHER:?set it}", new ShellLexer.Env(Map.of(), Set.of(), true)));
    }

    @Test
    void skipUnsetEnvKeepsOnlyWhatMayBeSet() throws ShellLexer.WordException {
        ShellLexer lexer = new ShellLexer('\\', false, false, true, true);
        ShellLexer.Env env = new ShellLexer.Env(Map.of("A", "1"), Set.of("B"), false);
        assertEquals("1-$B-${B:-x}-", lexer.processWord("$A-$B-${B:-x}-$C", env));
    }

    @Test
    void nestingIsBoundedWithAClearMessage() {
        String deep = "${A:-".repeat(ShellLexer.MAX_NESTING + 1) + "x" + "}".repeat(ShellLexer.MAX_NESTING + 1);
        ShellLexer.WordException e = assertThrows(ShellLexer.WordException.class,
                () -> ShellLexer.of('\\').processWord(deep, ShellLexer.Env.EMPTY));
        assertEquals("variable substitutions nested more than 64 levels deep", e.getMessage().substring(e.getMessage().lastIndexOf(": ") + 2));
        String fine = "${A:-".repeat(ShellLexer.MAX_NESTING - 1) + "x" + "}".repeat(ShellLexer.MAX_NESTING - 1);
        assertEquals(List.of("x"), words(ShellLexer.of('\\'), fine));
    }

    @Test
    void patternReversalKeepsEscapesInFront() {
        assertEquals("c\\*a", ShellLexer.reversePattern("a\\*c"));
        assertEquals("\\ba", ShellLexer.reversePattern("ab\\"));
    }

    private static List<String> words(ShellLexer lexer, String input) {
        try {
            return lexer.processWords(input, ENV);
        } catch (ShellLexer.WordException e) {
            throw new AssertionError(input + ": " + e.getMessage(), e);
        }
    }

    private static void check(String table, ShellLexer.Env env) {
        List<String> failures = new ArrayList<>();
        ShellLexer lexer = ShellLexer.of('\\');
        for (String row : table.split("\n")) {
            if (row.isBlank()) {
                continue;
            }
            int bar = row.lastIndexOf(" | ") >= 0 ? row.lastIndexOf(" | ") : row.lastIndexOf(" |");
            String input = row.substring(0, bar).strip();
            String expected = row.substring(bar).replaceFirst("^ \\|( |$)", "");
            String actual;
            try {
                actual = expected.startsWith("[") ? lexer.processWords(input, env).toString() : lexer.processWord(input, env);
            } catch (ShellLexer.WordException e) {
                String prefix = "failed to process " + GoStrings.quote(input) + ": ";
                actual = "!" + (e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : "(no prefix) " + e.getMessage());
            }
            if (!actual.equals(expected)) {
                failures.add(input + "  expected <" + expected + "> but was <" + actual + ">");
            }
        }
        assertEquals(List.of(), failures);
    }
}
