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
}
