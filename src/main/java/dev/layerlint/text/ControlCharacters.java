package dev.layerlint.text;

/**
 * Text from a user's files (file names, patterns, image paths) made safe for a log line: a file named
 * {@code "x\n[INFO] BUILD SUCCESS"} must not print a line of its own. Control characters (C0, DEL, C1), line and
 * paragraph separators and bidirectional overrides become {@code \n}, {@code \r}, {@code \t} or {@code \}{@code uXXXX};
 * everything else, backslashes included, is kept as it is.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    public static String escape(CharSequence text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!unsafe(c)) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out == null ? text.toString() : out.toString();
    }

    private static boolean unsafe(char c) {
        return c < 0x20 || c >= 0x7f && c <= 0x9f || c == '\u2028' || c == '\u2029'
                || c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069';
    }
}
