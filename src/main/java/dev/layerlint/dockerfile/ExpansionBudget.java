package dev.layerlint.dockerfile;

/**
 * How much variable expansion may produce while one Dockerfile is read: each value at most
 * {@link #MAX_VALUE} characters, all values together at most {@link #MAX_TOTAL}. A chain of ARGs or
 * ENVs that doubles a value at each step would otherwise grow past any memory.
 */
public final class ExpansionBudget {

    /** The most characters one expanded word may have. */
    public static final long MAX_VALUE = 1L << 20;
    /** The most characters all the words expanded for one Dockerfile may have together. */
    public static final long MAX_TOTAL = 16L << 20;
    /** The deepest {@code ${VAR:-${…}}} nesting expanded. */
    public static final int MAX_DEPTH = 256;

    private long spent;

    long valueLimit() {
        return Math.min(MAX_VALUE, MAX_TOTAL - spent);
    }

    void spend(long characters) {
        spent += characters;
        if (spent > MAX_TOTAL) {
            throw new ExpansionLimitException("takes the variables expanded in this Dockerfile past " + MAX_TOTAL
                    + " characters together");
        }
    }
}
