package dev.layerlint.shell;

import dev.layerlint.shell.Token.Kind;
import dev.layerlint.shell.Token.Substitution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Splits a script into tokens following the POSIX token recognition rules: quotes, backslash escapes,
 * {@code $( )}, {@code ${ }}, {@code $(( ))} and backquotes inside words, operators, comments and
 * here-document bodies. Never throws: the first problem met is reported and lexing goes on.
 */
final class Lexer {

    /** Operators, longest first so that the longest match wins. */
    private static final List<String> OPERATORS = List.of(
            ";;&", "<<-", "<<<", "&>>",
            "&&", "||", ";;", ";&", "|&", "&>", "<<", "<>", "<&", ">>", ">&", ">|",
            ";", "&", "|", "(", ")", "<", ">");

    /** Bounds the recursion of {@link #findClosing}, so that input cannot exhaust the stack. */
    private static final int MAX_SCAN_DEPTH = 256;

    private record PendingHereDocument(int tokenIndex, String delimiter, boolean stripTabs) {
    }

    /** The tokens of a script, ending with an {@code END} token, and the first problem met. */
    record Result(List<Token> tokens, Optional<String> problem) {
    }

    private final String src;
    private final int firstLine;
    private final int[] lineStarts;
    private final List<Token> tokens = new ArrayList<>();
    private final List<PendingHereDocument> pendingHereDocuments = new ArrayList<>();
    private int pos;
    /** How deeply {@link #findClosing} is nested in itself, through double quotes inside substitutions. */
    private int scanDepth;
    private String hereDocumentOperator;
    private String problem;

    private Lexer(String src, int firstLine) {
        this.src = src;
        this.firstLine = firstLine;
        this.lineStarts = lineStarts(src);
    }

    /** Lexes {@code script}, numbering its lines from {@code firstLine}. */
    static Result lex(String script, int firstLine) {
        Lexer lexer = new Lexer(script, firstLine);
        lexer.run();
        return new Result(List.copyOf(lexer.tokens), Optional.ofNullable(lexer.problem));
    }

    private void run() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '\\' && peek(1) == '\n') {
                pos += 2;
            } else if (c == '\n') {
                tokens.add(new Token(Kind.NEWLINE, "\n", "\n", false, List.of(), pos, pos + 1, lineAt(pos),
                        Optional.empty()));
                pos++;
                readHereDocumentBodies();
            } else if (c == '#') {
                skipComment();
            } else if (isOperatorStart(c) && !startsProcessSubstitution()) {
                readOperator();
            } else {
                readWord();
            }
        }
        if (!pendingHereDocuments.isEmpty()) {
            String delimiter = pendingHereDocuments.get(0).delimiter();
            report("here-document delimited by '" + delimiter + "' has no body", src.length());
        }
        int end = src.length();
        tokens.add(new Token(Kind.END, "", "", false, List.of(), end, end, lineAt(end), Optional.empty()));
    }

    private void readOperator() {
        int start = pos;
        String op = OPERATORS.stream().filter(o -> src.startsWith(o, start)).findFirst().orElseThrow();
        pos += op.length();
        tokens.add(Token.operator(op, start, lineAt(start)));
        if (op.equals("<<") || op.equals("<<-")) {
            hereDocumentOperator = op;
        }
    }

    private void readWord() {
        int start = pos;
        StringBuilder text = new StringBuilder();
        List<Substitution> substitutions = new ArrayList<>();
        boolean quoted = false;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                break;
            }
            if (isOperatorStart(c)) {
                if (!startsProcessSubstitution()) {
                    break;
                }
                readParenthesised(text, substitutions, pos + 1);
            } else if (c == '\\') {
                quoted = true;
                readBackslash(text);
            } else if (c == '\'') {
                quoted = true;
                readSingleQuoted(text);
            } else if (c == '"') {
                quoted = true;
                readDoubleQuoted(text, substitutions);
            } else if (c == '`') {
                readBackquoted(text, substitutions, false);
            } else if (c == '$') {
                quoted |= readDollar(text, substitutions, false);
            } else {
                text.append(c);
                pos++;
            }
        }
        Token word = new Token(Kind.WORD, text.toString(), src.substring(start, pos), quoted,
                List.copyOf(substitutions), start, pos, lineAt(start), Optional.empty());
        tokens.add(word);
        if (hereDocumentOperator != null) {
            boolean stripTabs = hereDocumentOperator.equals("<<-");
            pendingHereDocuments.add(new PendingHereDocument(tokens.size() - 1, word.text(), stripTabs));
            hereDocumentOperator = null;
        }
    }

    private void readBackslash(StringBuilder text) {
        char next = peek(1);
        if (next == '\n') {
            pos += 2;
        } else if (next == 0) {
            text.append('\\');
            pos++;
        } else {
            text.append(next);
            pos += 2;
        }
    }

    private void readSingleQuoted(StringBuilder text) {
        int close = src.indexOf('\'', pos + 1);
        if (close < 0) {
            report("unterminated single quote", pos);
            text.append(src, pos + 1, src.length());
            pos = src.length();
        } else {
            text.append(src, pos + 1, close);
            pos = close + 1;
        }
    }

    private void readDoubleQuoted(StringBuilder text, List<Substitution> substitutions) {
        int open = pos;
        pos++;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '"') {
                pos++;
                return;
            }
            if (c == '\\') {
                char next = peek(1);
                if (next == '\n') {
                    pos += 2;
                } else if (next == '$' || next == '`' || next == '"' || next == '\\') {
                    text.append(next);
                    pos += 2;
                } else {
                    text.append(c);
                    pos++;
                }
            } else if (c == '`') {
                readBackquoted(text, substitutions, true);
            } else if (c == '$') {
                readDollar(text, substitutions, true);
            } else {
                text.append(c);
                pos++;
            }
        }
        report("unterminated double quote", open);
    }

    /**
     * Reads a word part starting with {@code $}. Returns true when the part is a quoting form
     * ({@code $'...'} or {@code $"..."}).
     */
    private boolean readDollar(StringBuilder text, List<Substitution> substitutions, boolean inDoubleQuotes) {
        char next = peek(1);
        if (next == '\'' && !inDoubleQuotes) {
            readAnsiCQuoted(text);
            return true;
        }
        if (next == '"' && !inDoubleQuotes) {
            pos++;
            readDoubleQuoted(text, substitutions);
            return true;
        }
        if (next == '(' && peek(2) == '(') {
            int start = pos;
            int close = findClosing(pos + 3, "))");
            if (close < 0) {
                report("unterminated $((", start);
                pos = src.length();
            } else {
                pos = close + 2;
            }
            text.append(src, start, pos);
        } else if (next == '(') {
            readParenthesised(text, substitutions, pos + 1);
        } else if (next == '{') {
            int start = pos;
            int close = findClosing(pos + 2, "}");
            if (close < 0) {
                report("unterminated ${", start);
                pos = src.length();
            } else {
                pos = close + 1;
            }
            text.append(src, start, pos);
        } else {
            text.append('$');
            pos++;
        }
        return false;
    }

    /** Reads {@code $(...)}, {@code <(...)} or {@code >(...)}; {@code open} is the offset of the parenthesis. */
    private void readParenthesised(StringBuilder text, List<Substitution> substitutions, int open) {
        int start = pos;
        int close = findClosing(open + 1, ")");
        if (close < 0) {
            report("unterminated " + src.substring(start, open + 1), start);
            substitutions.add(new Substitution(src.substring(open + 1), lineAt(open + 1)));
            pos = src.length();
        } else {
            substitutions.add(new Substitution(src.substring(open + 1, close), lineAt(open + 1)));
            pos = close + 1;
        }
        text.append(src, start, pos);
    }

    private void readBackquoted(StringBuilder text, List<Substitution> substitutions, boolean inDoubleQuotes) {
        int start = pos;
        StringBuilder body = new StringBuilder();
        pos++;
        while (pos < src.length() && src.charAt(pos) != '`') {
            char c = src.charAt(pos);
            char next = peek(1);
            if (c == '\\' && (next == '$' || next == '`' || next == '\\' || (inDoubleQuotes && next == '"'))) {
                body.append(next);
                pos += 2;
            } else {
                body.append(c);
                pos++;
            }
        }
        if (pos >= src.length()) {
            report("unterminated backquote", start);
        } else {
            pos++;
        }
        substitutions.add(new Substitution(body.toString(), lineAt(start)));
        text.append(src, start, pos);
    }

    private void readAnsiCQuoted(StringBuilder text) {
        int start = pos;
        pos += 2;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\'') {
                pos++;
                return;
            }
            if (c == '\\' && pos + 1 < src.length()) {
                char next = src.charAt(pos + 1);
                pos += 2;
                switch (next) {
                    case 'n' -> text.append('\n');
                    case 't' -> text.append('\t');
                    case 'r' -> text.append('\r');
                    case 'a' -> text.append('\u0007');
                    case 'b' -> text.append('\b');
                    case 'e', 'E' -> text.append('\u001b');
                    case 'f' -> text.append('\f');
                    case 'v' -> text.append('\u000b');
                    case '\\', '\'', '"', '?' -> text.append(next);
                    default -> text.append('\\').append(next);
                }
            } else {
                text.append(c);
                pos++;
            }
        }
        report("unterminated $' quote", start);
    }

    /**
     * Finds {@code closer} ({@code )}, {@code ))} or {@code }}) that ends a construct whose body starts at
     * {@code from}, skipping quoted text, escapes, comments and nested parentheses or braces. Returns -1 when
     * there is none.
     */
    private int findClosing(int from, String closer) {
        if (++scanDepth > MAX_SCAN_DEPTH) {
            report("quotes and substitutions nested more than " + MAX_SCAN_DEPTH + " levels deep", from);
            scanDepth--;
            return -1;
        }
        int close = scanForClosing(from, closer);
        scanDepth--;
        return close;
    }

    private int scanForClosing(int from, String closer) {
        char open = closer.charAt(0) == '}' ? '{' : '(';
        int depth = 0;
        int i = from;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (depth == 0 && src.startsWith(closer, i)) {
                return i;
            }
            switch (c) {
                case '\\' -> i += 2;
                case '\'' -> {
                    int close = src.indexOf('\'', i + 1);
                    i = close < 0 ? src.length() : close + 1;
                }
                case '"' -> i = skipDoubleQuoted(i);
                case '`' -> {
                    int close = src.indexOf('`', i + 1);
                    i = close < 0 ? src.length() : close + 1;
                }
                case '#' -> {
                    if (i == from || Character.isWhitespace(src.charAt(i - 1))) {
                        int close = src.indexOf('\n', i);
                        i = close < 0 ? src.length() : close;
                    } else {
                        i++;
                    }
                }
                default -> {
                    if (c == open) {
                        depth++;
                    } else if (c == (open == '{' ? '}' : ')')) {
                        depth--;
                    }
                    i++;
                }
            }
        }
        return -1;
    }

    private int skipDoubleQuoted(int open) {
        int i = open + 1;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\') {
                i += 2;
            } else if (c == '$' && i + 1 < src.length() && (src.charAt(i + 1) == '(' || src.charAt(i + 1) == '{')) {
                int close = findClosing(i + 2, src.charAt(i + 1) == '(' ? ")" : "}");
                i = close < 0 ? src.length() : close + 1;
            } else {
                i++;
            }
        }
        return src.length();
    }

    private void readHereDocumentBodies() {
        for (PendingHereDocument pending : pendingHereDocuments) {
            StringBuilder body = new StringBuilder();
            boolean terminated = false;
            while (pos < src.length()) {
                int lineEnd = src.indexOf('\n', pos);
                if (lineEnd < 0) {
                    lineEnd = src.length();
                }
                String line = src.substring(pos, lineEnd);
                pos = Math.min(lineEnd + 1, src.length());
                if (pending.stripTabs()) {
                    line = line.replaceFirst("^\t+", "");
                }
                if (line.equals(pending.delimiter())) {
                    terminated = true;
                    break;
                }
                body.append(line).append('\n');
            }
            if (!terminated) {
                report("here-document delimited by '" + pending.delimiter() + "' is not terminated", src.length());
            }
            tokens.set(pending.tokenIndex(), tokens.get(pending.tokenIndex()).withHereDocument(body.toString()));
        }
        pendingHereDocuments.clear();
    }

    private void skipComment() {
        int end = src.indexOf('\n', pos);
        pos = end < 0 ? src.length() : end;
    }

    private boolean startsProcessSubstitution() {
        char c = src.charAt(pos);
        return (c == '<' || c == '>') && peek(1) == '(';
    }

    private static boolean isOperatorStart(char c) {
        return c == ';' || c == '&' || c == '|' || c == '(' || c == ')' || c == '<' || c == '>';
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < src.length() ? src.charAt(i) : 0;
    }

    private void report(String message, int offset) {
        if (problem == null) {
            problem = message + " (script line " + (lineAt(offset) + 1) + ")";
        }
    }

    private int lineAt(int offset) {
        int index = Arrays.binarySearch(lineStarts, offset);
        return firstLine + (index >= 0 ? index : -index - 2);
    }

    private static int[] lineStarts(String src) {
        int[] starts = new int[(int) src.chars().filter(c -> c == '\n').count() + 1];
        int line = 1;
        for (int i = 0; i < src.length(); i++) {
            if (src.charAt(i) == '\n') {
                starts[line++] = i + 1;
            }
        }
        return starts;
    }
}
