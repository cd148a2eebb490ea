package dev.layerlint.dockerfile;

/**
 * Word boundaries by ASCII white space, the {@code \s} of the regular expressions BuildKit splits instructions
 * with ({@code [ \t\n\x0B\f\r]}), found by hand: the parser splits every line this way.
 */
final class AsciiWords {

    private AsciiWords() {
    }

    /** The index of the first white-space character at or after {@code from}, or the length. */
    static int endOfWord(String text, int from) {
        int i = from;
        while (i < text.length() && !isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The index of the first character at or after {@code from} that is not white space, or the length. */
    static int startOfWord(String text, int from) {
        int i = from;
        while (i < text.length() && isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The first word of {@code text} after leading white space ({@link String#strip()}). */
    static String firstWord(String text) {
        String stripped = text.strip();
        return stripped.substring(0, endOfWord(stripped, 0));
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
