package dev.layerlint.shell;

import java.util.List;
import java.util.Optional;

/**
 * A token of a shell script.
 *
 * @param kind          word, operator, line break or end of input
 * @param text          for a word, its text with quotes removed; for an operator, the operator
 * @param raw           the token exactly as written
 * @param quoted        true when some part of the word was quoted or escaped
 * @param substitutions command substitutions found in the word, in order
 * @param start         offset of the first character in the script
 * @param end           offset after the last character
 * @param line          0-based line of the first character
 * @param hereDocument  for the delimiter word of a here-document, the document's body
 */
record Token(Kind kind, String text, String raw, boolean quoted, List<Substitution> substitutions,
             int start, int end, int line, Optional<String> hereDocument) {

    enum Kind { WORD, OPERATOR, NEWLINE, END }

    /** The body of a command substitution and the 0-based script line where the body starts. */
    record Substitution(String body, int line) {
    }

    static Token operator(String op, int start, int line) {
        return new Token(Kind.OPERATOR, op, op, false, List.of(), start, start + op.length(), line, Optional.empty());
    }

    boolean isWord() {
        return kind == Kind.WORD;
    }

    boolean isOperator(String op) {
        return kind == Kind.OPERATOR && text.equals(op);
    }

    /** True for an unquoted word that reads {@code word}, as reserved words must be written. */
    boolean isPlainWord(String word) {
        return kind == Kind.WORD && !quoted && text.equals(word);
    }

    Token withHereDocument(String body) {
        return new Token(kind, text, raw, quoted, substitutions, start, end, line, Optional.of(body));
    }
}
