package dev.layerlint.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Word splitting and variable expansion with the semantics of BuildKit's Dockerfile shell lexer
 * (used for FROM, ENV, ARG, LABEL, COPY, … — not for RUN, whose text the shell reads).
 */
public final class Words {

    private Words() {
    }

    /**
     * Splits on unquoted white space, keeping quotes and escapes inside the words (BuildKit's
     * {@code parseWords}, used for ENV/LABEL pairs and heredoc detection).
     */
    public static List<String> split(String text, char escape) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quote == 0 && Character.isWhitespace(ch)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                continue;
            }
            inWord = true;
            word.append(ch);
            if (ch == escape && quote != '\'' && i + 1 < text.length()) {
                word.append(text.charAt(++i));
            } else if (quote == 0 && (ch == '"' || ch == '\'')) {
                quote = ch;
            } else if (ch == quote) {
                quote = 0;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /**
     * Processes one word: removes quotes, applies escapes and expands {@code $VAR}, {@code ${VAR}},
     * {@code ${VAR:-x}}, {@code ${VAR-x}}, {@code ${VAR:+x}}, {@code ${VAR+x}} and {@code ${VAR:?x}}
     * from {@code env}. Unknown variables expand to the empty string, as in BuildKit.
     */
    public static String expand(String word, Map<String, String> env, char escape) {
        return new Expander(word, env, escape).word();
    }

    private static final class Expander {
        private final String text;
        private final Map<String, String> env;
        private final char escape;
        private int pos;

        Expander(String text, Map<String, String> env, char escape) {
            this.text = text;
            this.env = env;
            this.escape = escape;
        }

        String word() {
            StringBuilder out = new StringBuilder();
            while (pos < text.length()) {
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
            return out.toString();
        }

        private void doubleQuoted(StringBuilder out) {
            while (pos < text.length()) {
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
            return env.getOrDefault(text.substring(start, pos), "");
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
                return env.getOrDefault(name, "");
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
            String value = env.get(name);
            boolean set = value != null && (!colon || !value.isEmpty());
            return switch (op) {
                case '-' -> set ? value : new Expander(operand, env, escape).word();
                case '+' -> set ? new Expander(operand, env, escape).word() : "";
                default -> value == null ? "" : value;
            };
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
