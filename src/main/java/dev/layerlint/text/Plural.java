package dev.layerlint.text;

import java.util.Locale;

/**
 * Counted nouns for messages, grammatical for one and for many: {@code 1 file}, {@code 1,024 files},
 * {@code 1 entry}, {@code 3 entries}. Counts are grouped by thousands, the same in every locale.
 */
public final class Plural {

    private Plural() {
    }

    /** {@code 1 file}, {@code 2 files}: a noun whose plural adds an s. */
    public static String count(long n, String noun) {
        return count(n, noun, noun + "s");
    }

    /** {@code 1 entry}, {@code 3 entries}. */
    public static String count(long n, String one, String many) {
        return String.format(Locale.ROOT, "%,d %s", n, choose(n, one, many));
    }

    /** The word that goes with a count: {@code it} or {@code them}, {@code is} or {@code are}. */
    public static String choose(long n, String one, String many) {
        return n == 1 ? one : many;
    }
}
