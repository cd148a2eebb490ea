package dev.layerlint.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Word splitting and variable expansion with the semantics of BuildKit's Dockerfile shell lexer
 * (used for FROM, ENV, ARG, LABEL, COPY, … — not for RUN, whose text the shell reads).
 */
public final class Words {

    private Words() {
    }

    /**
     * Splits on unquoted white space, keeping quotes and escapes inside the words (BuildKit's
     * {@code parseWords}, used for ENV/LABEL/ARG pairs). An escape character at the very end is dropped.
     */
    public static List<String> split(String text, char escape) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int[] cps = text.codePoints().toArray();
        boolean inWord = false;
        boolean blankOk = false;
        int quote = 0;
        for (int i = 0; i < cps.length; i++) {
            int ch = cps[i];
            if (!inWord) {
                if (ShellLexer.isSpace(ch)) {
                    continue;
                }
                inWord = true;
            }
            if (quote == 0) {
                if (ShellLexer.isSpace(ch)) {
                    if (blankOk || word.length() > 0) {
                        words.add(word.toString());
                    }
                    word.setLength(0);
                    blankOk = false;
                    inWord = false;
                    continue;
                }
                if (ch == '\'' || ch == '"') {
                    quote = ch;
                    blankOk = true;
                }
                if (ch == escape) {
                    if (i + 1 == cps.length) {
                        continue;
                    }
                    word.appendCodePoint(ch);
                    ch = cps[++i];
                }
                word.appendCodePoint(ch);
                continue;
            }
            boolean closes = ch == quote;
            if (ch == escape && quote != '\'') {
                if (i + 1 == cps.length) {
                    quote = 0;
                    continue;
                }
                word.appendCodePoint(ch);
                ch = cps[++i];
            }
            if (closes) {
                quote = 0;
            }
            word.appendCodePoint(ch);
        }
        if (inWord && (blankOk || word.length() > 0)) {
            words.add(word.toString());
        }
        return words;
    }

    /**
     * Processes one word as BuildKit does: removes quotes, applies escapes and expands variables
     * from {@code env} (unknown variables expand to the empty string). A word BuildKit's lexer
     * rejects comes back as written: the parser has already reported such words where BuildKit
     * expands them.
     */
    public static String expand(String word, Map<String, String> env, char escape) {
        try {
            return ShellLexer.of(escape).processWord(word, ShellLexer.Env.of(env));
        } catch (ShellLexer.WordException e) {
            return word;
        }
    }

    /**
     * Expands {@code $VAR}, {@code ${VAR}}, {@code ${VAR:-x}}, {@code ${VAR-x}}, {@code ${VAR:+x}}, {@code ${VAR+x}} and
     * {@code ${VAR:?x}} with variables looked up through {@code lookup} (unknown ones expand to the empty string), what
     * the expansion produces counted against {@code budget}: the rules' view of ENV values, which a chain of variables
     * could otherwise grow past any memory.
     *
     * @throws ExpansionLimitException when the word expands to more than {@link ExpansionBudget#MAX_VALUE}
     *                                 characters, past the budget's total, or nests {@code ${…}} deeper than
     *                                 {@link ExpansionBudget#MAX_DEPTH}
     */
    public static String expand(String word, Function<String, Optional<String>> lookup, char escape, ExpansionBudget budget) {
        String value = new Expander(word, lookup, escape, budget.valueLimit(), 0).word();
        budget.spend(value.length());
        return value;
    }

    private static final class Expander {
        private final String text;
        private final Function<String, Optional<String>> env;
        private final char escape;
        private final long limit;
        private final int depth;
        private int pos;

        Expander(String text, Function<String, Optional<String>> env, char escape, long limit, int depth) {
            if (depth > ExpansionBudget.MAX_DEPTH) {
                throw new ExpansionLimitException("nests ${…} more than " + ExpansionBudget.MAX_DEPTH + " deep");
            }
            this.text = text;
            this.env = env;
            this.escape = escape;
            this.limit = limit;
            this.depth = depth;
        }

        String word() {
            StringBuilder out = new StringBuilder();
            while (pos < text.length()) {
                if (out.length() > limit) {
                    throw ExpansionLimitException.tooLong(limit);
                }
                char ch = text.charAt(pos);
                if (ch == '\'') {
                    int end = text.indexOf('\'', pos + 1);
                    end = end < 0 ? text.length() : end;
                    out.append(text, pos + 1, end);
                    pos = end + 1;
                } else if (ch == '"') {
                    pos++;
                    doubleQuoted(out);
                } else if (ch == escape && pos + 1 < text.length()) {
                    out.append(text.charAt(pos + 1));
                    pos += 2;
                } else if (ch == '$') {
                    out.append(dollar());
                } else {
                    out.append(ch);
                    pos++;
                }
            }
            if (out.length() > limit) {
                throw ExpansionLimitException.tooLong(limit);
            }
            return out.toString();
        }

        private void doubleQuoted(StringBuilder out) {
            while (pos < text.length()) {
                if (out.length() > limit) {
                    throw ExpansionLimitException.tooLong(limit);
                }
                char ch = text.charAt(pos);
                if (ch == '"') {
                    pos++;
                    return;
                }
                if (ch == escape && pos + 1 < text.length()) {
                    char next = text.charAt(pos + 1);
                    if (next == '"' || next == '$' || next == escape) {
                        out.append(next);
                    } else {
                        out.append(ch).append(next);
                    }
                    pos += 2;
                } else if (ch == '$') {
                    out.append(dollar());
                } else {
                    out.append(ch);
                    pos++;
                }
            }
        }

        /** Expands the variable reference at {@code pos} (which is at {@code $}). */
        private String dollar() {
            pos++;
            if (pos >= text.length()) {
                return "$";
            }
            char ch = text.charAt(pos);
            if (ch == '{') {
                return braced();
            }
            int start = pos;
            while (pos < text.length() && isNameChar(text.charAt(pos))) {
                pos++;
            }
            if (pos == start) {
                return "$";
            }
            return env.apply(text.substring(start, pos)).orElse("");
        }

        private String braced() {
            pos++;
            int start = pos;
            while (pos < text.length() && isNameChar(text.charAt(pos))) {
                pos++;
            }
            String name = text.substring(start, pos);
            if (pos >= text.length()) {
                return "";
            }
            char op = text.charAt(pos);
            if (op == '}') {
                pos++;
                return env.apply(name).orElse("");
            }
            boolean colon = op == ':';
            if (colon) {
                pos++;
                if (pos >= text.length()) {
                    return "";
                }
                op = text.charAt(pos);
            }
            pos++;
            String operand = operand();
            Optional<String> value = env.apply(name);
            boolean set = value.isPresent() && (!colon || !value.get().isEmpty());
            return switch (op) {
                case '-' -> set ? value.get() : nested(operand);
                case '+' -> set ? nested(operand) : "";
                default -> value.orElse("");
            };
        }

        private String nested(String operand) {
            return new Expander(operand, env, escape, limit, depth + 1).word();
        }

        /** Reads up to the matching {@code }}, allowing nested {@code ${…}}. */
        private String operand() {
            int depth = 1;
            int start = pos;
            while (pos < text.length()) {
                char ch = text.charAt(pos);
                if (ch == escape && pos + 1 < text.length()) {
                    pos += 2;
                    continue;
                }
                if (ch == '{') {
                    depth++;
                } else if (ch == '}' && --depth == 0) {
                    String operand = text.substring(start, pos);
                    pos++;
                    return operand;
                }
                pos++;
            }
            return text.substring(start);
        }

        private static boolean isNameChar(char ch) {
            return Character.isLetterOrDigit(ch) || ch == '_';
        }
    }
}
