package dev.layerlint.context;

import java.util.Objects;

/**
 * One effective line of an ignore file, normalised the way Docker normalises it.
 *
 * @param line      1-based line in the ignore file, or {@link #ADDED_BY_CLIENT}
 * @param pattern   the cleaned pattern without the leading {@code !}, with {@code /} separators,
 *                  e.g. {@code node_modules} for the line {@code /./node_modules/}
 * @param exception whether the line starts with {@code !}: a match re-includes the path
 */
public record IgnorePattern(int line, String pattern, boolean exception) {

    /** The line of an exception that the classic client appends for the Dockerfile or {@code .dockerignore}. */
    public static final int ADDED_BY_CLIENT = 0;

    public IgnorePattern {
        Objects.requireNonNull(pattern, "pattern");
        if (pattern.isEmpty()) {
            throw new IllegalArgumentException("empty pattern");
        }
    }

    /** The pattern as written back into an ignore file: with {@code !} for an exception. */
    @Override
    public String toString() {
        return exception ? "!" + pattern : pattern;
    }
}
