package dev.layerlint.dockerfile;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BuildKit's Dockerfile word lexer ({@code frontend/dockerfile/shell}): quotes, the escape
 * character, {@code $VAR} and {@code ${VAR…}} with the operators {@code -  +  ?  :-  :+  :?  #  ##
 * %  %%  /  //}, positional and special parameters, and the errors BuildKit reports for malformed
 * words. It works on Unicode code points, as Go's {@code text/scanner} does.
 *
 * <p>Nested substitutions ({@code ${A:-${B:-…}}}) are read recursively; the depth is capped at
 * {@link #MAX_NESTING}, far beyond any real Dockerfile, so that a hostile line cannot exhaust the stack.
 *
 * @param escape       the escape character ({@code \} or {@code `})
 * @param rawQuotes    keep quote characters in the result (BuildKit's {@code RawQuotes})
 * @param rawEscapes   keep escape characters in the result ({@code RawEscapes})
 * @param skipUnsetEnv leave references to unknown variables as written ({@code SkipUnsetEnv})
 * @param quotes       process quotes (false: BuildKit's {@code SkipProcessQuotes}, for heredoc bodies)
 */
record ShellLexer(char escape, boolean rawQuotes, boolean rawEscapes, boolean skipUnsetEnv, boolean quotes) {

    static final int MAX_NESTING = 64;
    private static final int EOF = -1;

    /** The plain lexer BuildKit expands instruction words with. */
    static ShellLexer of(char escape) {
        return new ShellLexer(escape, false, false, false, true);
    }

    /**
     * The variables a word is expanded with. A name without a value may still be set by the build:
     * it is in {@code unknown} (an {@code ARG} without a default, which a build argument may set),
     * or {@code open} says that any name may be (a stage's base image brings its own ENV). Such a
     * name expands to the empty string, as in a build that does not set it, but
     * {@code ${NAME?…}} does not fail on it, and {@link ShellLexer#skipUnsetEnv()} keeps it as written.
     */
    record Env(Map<String, String> values, Set<String> unknown, boolean open) {
        /** No values, and any name may be set: nothing is known. */
        static final Env EMPTY = new Env(Map.of(), Set.of(), true);

        /** Views, not copies: a word is expanded at once, and copying a stage's variables for each word would be quadratic. */
        Env {
            values = java.util.Collections.unmodifiableMap(values);
            unknown = java.util.Collections.unmodifiableSet(unknown);
        }

        /** Exactly these variables, no others. */
        static Env of(Map<String, String> values) {
            return new Env(values, Set.of(), false);
        }

        boolean mayBeSet(String name) {
            return open || unknown.contains(name);
        }
    }

    /** A word BuildKit's lexer rejects; the message is BuildKit's, e.g. {@code syntax error: bad substitution}. */
    static class WordException extends Exception {
        WordException(String message) {
            super(message, null, false, false);
        }
    }

    /** Substitutions nested deeper than {@link #MAX_NESTING}. */
    private static final class NestingException extends WordException {
        NestingException() {
            super("variable substitutions nested more than " + MAX_NESTING + " levels deep");
        }
    }

    /** The word after quote removal and expansion ({@code ProcessWord}); the error names the word as BuildKit does. */
    String processWord(String word, Env env) throws WordException {
        return new Scan(word, env).process().word();
    }

    /** The word split into words after expansion ({@code ProcessWords}). */
    List<String> processWords(String word, Env env) throws WordException {
        return new Scan(word, env).process().words();
    }

    private record Processed(String word, List<String> words) {
    }

    /** {@code wordsStruct}: collects the words of ProcessWords. */
    private static final class WordsBuffer {
        private final StringBuilder buf = new StringBuilder();
        private final List<String> words = new ArrayList<>();
        private boolean inWord;

        void addChar(int ch) {
            if (isSpace(ch) && inWord) {
                if (buf.length() != 0) {
                    words.add(buf.toString());
                    buf.setLength(0);
                    inWord = false;
                }
            } else if (!isSpace(ch)) {
                addRawChar(ch);
            }
        }

        void addRawChar(int ch) {
            buf.appendCodePoint(ch);
            inWord = true;
        }

        void addString(String s) {
            s.codePoints().forEach(this::addChar);
        }

        void addRawString(String s) {
            buf.append(s);
            inWord = true;
        }

        List<String> getWords() {
            if (buf.length() > 0) {
                words.add(buf.toString());
                buf.setLength(0);
                inWord = false;
            }
            return List.copyOf(words);
        }
    }

    private final class Scan {
        private final String source;
        private final int[] text;
        private final Env env;
        private int pos;
        private boolean rawEscapesNow = rawEscapes;
        private int depth;

        Scan(String source, Env env) {
            this.source = source;
            this.text = source.codePoints().toArray();
            this.env = env;
        }

        Processed process() throws WordException {
            try {
                return processStopOn(EOF, rawEscapes);
            } catch (WordException e) {
                throw new WordException("failed to process " + GoStrings.quote(source) + ": " + e.getMessage());
            }
        }

        private int peek() {
            return pos < text.length ? text[pos] : EOF;
        }

        private int next() {
            return pos < text.length ? text[pos++] : EOF;
        }

        private Processed processStopOn(int stopChar, boolean raw) throws WordException {
            if (++depth > MAX_NESTING) {
                throw new NestingException();
            }
            boolean saved = rawEscapesNow;
            rawEscapesNow = raw;
            try {
                StringBuilder result = new StringBuilder();
                WordsBuffer words = new WordsBuffer();
                while (peek() != EOF) {
                    int ch = peek();
                    if (stopChar != EOF && ch == stopChar) {
                        next();
                        return new Processed(result.toString(), words.getWords());
                    }
                    String special = special(ch);
                    if (special != null) {
                        result.append(special);
                        if (result.length() > ExpansionBudget.MAX_VALUE) {
                            throw new WordException("expands to more than " + ExpansionBudget.MAX_VALUE
                                    + " characters, the most layerlint expands (see docs/limits.md)");
                        }
                        if (ch == '$') {
                            words.addString(special);
                        } else {
                            words.addRawString(special);
                        }
                        continue;
                    }
                    ch = next();
                    if (ch == escape) {
                        if (rawEscapesNow) {
                            words.addRawChar(ch);
                            result.appendCodePoint(ch);
                        }
                        ch = next();
                        if (ch == EOF) {
                            break;
                        }
                        words.addRawChar(ch);
                    } else {
                        words.addChar(ch);
                    }
                    result.appendCodePoint(ch);
                }
                if (stopChar != EOF) {
                    throw new WordException("unexpected end of statement while looking for matching " + Character.toString(stopChar));
                }
                return new Processed(result.toString(), words.getWords());
            } finally {
                rawEscapesNow = saved;
                depth--;
            }
        }

        /** The characters with their own processing ({@code charFuncMapping}); null for any other character. */
        private String special(int ch) throws WordException {
            return switch (ch) {
                case '$' -> processDollar();
                case '<' -> processPossibleHeredoc();
                case '\'' -> quotes ? processSingleQuote() : null;
                case '"' -> quotes ? processDoubleQuote() : null;
                default -> null;
            };
        }

        private String processSingleQuote() throws WordException {
            StringBuilder result = new StringBuilder();
            int ch = next();
            if (rawQuotes) {
                result.appendCodePoint(ch);
            }
            while (true) {
                ch = next();
                if (ch == EOF) {
                    throw new WordException("unexpected end of statement while looking for matching single-quote");
                }
                if (ch == '\'') {
                    if (rawQuotes) {
                        result.appendCodePoint(ch);
                    }
                    return result.toString();
                }
                result.appendCodePoint(ch);
            }
        }

        private String processDoubleQuote() throws WordException {
            StringBuilder result = new StringBuilder();
            int ch = next();
            if (rawQuotes) {
                result.appendCodePoint(ch);
            }
            while (true) {
                int peeked = peek();
                if (peeked == EOF) {
                    throw new WordException("unexpected end of statement while looking for matching double-quote");
                }
                if (peeked == '"') {
                    ch = next();
                    if (rawQuotes) {
                        result.appendCodePoint(ch);
                    }
                    return result.toString();
                }
                if (peeked == '$') {
                    result.append(processDollar());
                    continue;
                }
                ch = next();
                if (ch == escape) {
                    if (rawEscapesNow) {
                        result.appendCodePoint(ch);
                    }
                    int after = peek();
                    if (after == EOF) {
                        continue;
                    }
                    if (after == '"' || after == '$' || after == escape) {
                        ch = next();
                    }
                }
                result.appendCodePoint(ch);
            }
        }

        private String processDollar() throws WordException {
            next();
            if (peek() != '{') {
                String name = processName();
                if (name.isEmpty()) {
                    return "$";
                }
                String value = env.values().get(name);
                if (value == null && skipUnsetEnv && env.mayBeSet(name)) {
                    return "$" + name;
                }
                return value == null ? "" : value;
            }
            next();
            int first = peek();
            if (first == EOF) {
                throw new WordException("syntax error: missing '}'");
            }
            if (first == '{' || first == '}' || first == ':') {
                throw new WordException("syntax error: bad substitution");
            }
            String name = processName();
            int ch = next();
            String chs = Character.toString(ch == EOF ? 0xFFFD : ch);
            boolean nullIsUnset = false;
            if (ch == '}') {
                String value = env.values().get(name);
                if (value == null && skipUnsetEnv && env.mayBeSet(name)) {
                    return "${" + name + "}";
                }
                return value == null ? "" : value;
            }
            if (ch == '/') {
                return substitute(name);
            }
            if (ch == ':') {
                nullIsUnset = true;
                ch = next();
                chs += Character.toString(ch == EOF ? 0xFFFD : ch);
            } else if (ch != '+' && ch != '-' && ch != '?' && ch != '#' && ch != '%') {
                throw new WordException("unsupported modifier (" + chs + ") in substitution");
            }
            boolean patternOperator = ch == '#' || ch == '%';
            if (nullIsUnset && patternOperator) {
                throw new WordException("unsupported modifier (" + chs + ") in substitution");
            }
            String word = operand('}', patternOperator, "syntax error: missing '}'");
            String value = env.values().get(name);
            boolean set = value != null;
            if (skipUnsetEnv && !set && env.mayBeSet(name)) {
                return "${" + name + chs + word + "}";
            }
            boolean unknown = !set && env.mayBeSet(name);
            value = set ? value : "";
            switch (ch) {
                case '-':
                    return !set || (nullIsUnset && value.isEmpty()) ? word : value;
                case '+':
                    return !set || (nullIsUnset && value.isEmpty()) ? "" : word;
                case '?':
                    if (unknown) {
                        return "";
                    }
                    if (!set) {
                        throw new WordException(name + ": " + (word.isEmpty() ? "is not allowed to be unset" : word));
                    }
                    if (nullIsUnset && value.isEmpty()) {
                        throw new WordException(name + ": " + (word.isEmpty() ? "is not allowed to be empty" : word));
                    }
                    return value;
                case '%':
                case '#':
                    boolean greedy = false;
                    if (!word.isEmpty() && word.codePointAt(0) == ch) {
                        greedy = true;
                        word = word.substring(Character.charCount(ch));
                    }
                    return ch == '%' ? trimSuffix(word, value, greedy) : trimPrefix(word, value, greedy);
                default:
                    throw new WordException("unsupported modifier (" + chs + ") in substitution");
            }
        }

        /** {@code ${NAME/pattern/replacement}} and {@code ${NAME//pattern/replacement}}. */
        private String substitute(String name) throws WordException {
            boolean replaceAll = peek() == '/';
            if (replaceAll) {
                next();
            }
            String pattern = operand('/', true, "syntax error: missing '/' in ${}");
            String replacement = operand('}', true, "syntax error: missing '}'");
            String value = env.values().get(name);
            if (value == null && skipUnsetEnv && env.mayBeSet(name)) {
                return "${" + name + "/" + pattern + "/" + replacement + "}";
            }
            value = value == null ? "" : value;
            Pattern re = shellPattern(pattern, true, false);
            Matcher m = re.matcher(value);
            if (replaceAll) {
                return replaceAll(m, value, replacement);
            }
            if (m.find()) {
                return value.substring(0, m.start()) + replacement + value.substring(m.end());
            }
            return value;
        }

        private String operand(int stop, boolean raw, String missing) throws WordException {
            try {
                return processStopOn(stop, raw).word();
            } catch (WordException e) {
                if (peek() == EOF && !(e instanceof NestingException)) {
                    throw new WordException(missing);
                }
                throw e;
            }
        }

        private String processName() {
            StringBuilder name = new StringBuilder();
            while (peek() != EOF) {
                int ch = peek();
                if (name.length() == 0 && Character.isDigit(ch)) {
                    while (peek() != EOF && Character.isDigit(peek())) {
                        name.appendCodePoint(next());
                    }
                    return name.toString();
                }
                if (name.length() == 0 && isSpecialParam(ch)) {
                    return Character.toString(next());
                }
                if (!Character.isLetter(ch) && !Character.isDigit(ch) && ch != '_') {
                    break;
                }
                name.appendCodePoint(next());
            }
            return name.toString();
        }

        private String processPossibleHeredoc() {
            next();
            if (peek() != '<') {
                return "<";
            }
            next();
            StringBuilder result = new StringBuilder("<<");
            while (peek() == '\t' || peek() == '\r' || peek() == ' ') {
                result.appendCodePoint(next());
            }
            return result.toString();
        }
    }

    private static boolean isSpecialParam(int ch) {
        return ch == '@' || ch == '*' || ch == '#' || ch == '?' || ch == '-' || ch == '$' || ch == '!' || ch == '0';
    }

    /** Go's {@code unicode.IsSpace}. */
    static boolean isSpace(int ch) {
        return switch (ch) {
            case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000 -> true;
            default -> ch >= 0x2000 && ch <= 0x200A;
        };
    }

    /**
     * BuildKit's {@code convertShellPatternToRegex}: {@code *} any string (shortest unless greedy),
     * {@code ?} one character, {@code \} escapes {@code * ? \} (and is dropped before {@code } /}),
     * everything else literal; no bracket expressions.
     */
    static Pattern shellPattern(String pattern, boolean greedy, boolean anchored) throws WordException {
        int[] cps = pattern.codePoints().toArray();
        StringBuilder out = new StringBuilder();
        if (anchored) {
            out.append('^');
        }
        for (int i = 0; i < cps.length; i++) {
            int tok = cps[i];
            if (tok == '*') {
                out.append(greedy ? ".*" : ".*?");
                continue;
            }
            if (tok == '?') {
                out.append('.');
                continue;
            }
            if (tok == '\\') {
                int peek = i + 1 < cps.length ? cps[i + 1] : EOF;
                if (peek == '}' || peek == '/') {
                    continue;
                }
                out.append('\\');
                i++;
                tok = peek;
                if (tok != '*' && tok != '?' && tok != '\\') {
                    throw new WordException("invalid pattern (" + pattern + ") in substitution: invalid escape '\\"
                            + (tok == EOF ? "%!c(int32=-1)" : Character.toString(tok)) + "'");
                }
            } else if ("[]{}.+()|^$".indexOf(tok) >= 0) {
                out.append('\\');
            }
            out.appendCodePoint(tok);
        }
        try {
            return Pattern.compile(out.toString());
        } catch (PatternSyntaxException e) {
            throw new WordException("invalid pattern (" + pattern + ") in substitution: " + e.getMessage());
        }
    }

    /**
     * Go's {@code Regexp.ReplaceAllString}: the replacement is a template where {@code $$} is a
     * dollar, {@code $0}/{@code ${0}} the match and any other {@code $name}/{@code ${name}} empty
     * (a shell pattern has no groups); a {@code $} not followed by a name stays. An empty match
     * right after the previous match is skipped, as in Go.
     */
    private static String replaceAll(Matcher m, String value, String template) {
        StringBuilder out = new StringBuilder();
        int last = 0;
        int previousEnd = -1;
        int from = 0;
        while (from <= value.length() && m.find(from)) {
            int start = m.start();
            int end = m.end();
            if (end == start && start == previousEnd) {
                if (start >= value.length()) {
                    break;
                }
                from = start + Character.charCount(value.codePointAt(start));
                continue;
            }
            out.append(value, last, start);
            appendTemplate(out, template, value.substring(start, end));
            last = end;
            previousEnd = end;
            if (end == start) {
                if (end >= value.length()) {
                    break;
                }
                from = end + Character.charCount(value.codePointAt(end));
            } else {
                from = end;
            }
        }
        out.append(value, last, value.length());
        return out.toString();
    }

    private static void appendTemplate(StringBuilder out, String template, String match) {
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c != '$' || i + 1 >= template.length()) {
                out.append(c);
                continue;
            }
            char n = template.charAt(i + 1);
            if (n == '$') {
                out.append('$');
                i++;
                continue;
            }
            int nameStart = n == '{' ? i + 2 : i + 1;
            int nameEnd = nameStart;
            while (nameEnd < template.length() && isTemplateNameChar(template.charAt(nameEnd))) {
                nameEnd++;
            }
            boolean braced = n == '{';
            if (nameEnd == nameStart || (braced && (nameEnd >= template.length() || template.charAt(nameEnd) != '}'))) {
                out.append(c);
                continue;
            }
            String name = template.substring(nameStart, nameEnd);
            if (name.chars().allMatch(Character::isDigit) && Integer.parseInt(name.length() > 9 ? "1" : name) == 0) {
                out.append(match);
            }
            i = braced ? nameEnd : nameEnd - 1;
        }
    }

    private static boolean isTemplateNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    private static String trimPrefix(String pattern, String value, boolean greedy) throws WordException {
        Matcher m = shellPattern(pattern, greedy, true).matcher(value);
        return m.find() ? value.substring(m.end()) : value;
    }

    private static String trimSuffix(String pattern, String value, boolean greedy) throws WordException {
        return reverse(trimPrefix(reversePattern(pattern), reverse(value), greedy));
    }

    /** Reverses a pattern but keeps each escape before the character it escapes: {@code a\*c} gives {@code c\*a}. */
    static String reversePattern(String pattern) {
        int[] in = pattern.codePoints().toArray();
        int[] out = new int[in.length];
        int last = in.length - 1;
        for (int i = 0; i <= last; ) {
            int outIdx = last - i;
            if (in[i] == '\\' && i != last) {
                out[outIdx - 1] = in[i];
                out[outIdx] = in[i + 1];
                i += 2;
            } else {
                out[outIdx] = in[i];
                i++;
            }
        }
        return new String(out, 0, out.length);
    }

    private static String reverse(String s) {
        int[] cps = s.codePoints().toArray();
        for (int i = 0, j = cps.length - 1; i < j; i++, j--) {
            int t = cps[i];
            cps[i] = cps[j];
            cps[j] = t;
        }
        return new String(cps, 0, cps.length);
    }
}
