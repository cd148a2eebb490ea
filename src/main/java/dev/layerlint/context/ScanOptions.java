package dev.layerlint.context;

import java.util.Objects;

/**
 * How to analyse a build context.
 *
 * @param builder      whose ignore-file rules to reproduce
 * @param largestLimit how many of the largest sent files to report
 */
public record ScanOptions(Builder builder, int largestLimit) {

    public static final int DEFAULT_LARGEST_LIMIT = 10;

    /** BuildKit, the ten largest files. */
    public static final ScanOptions DEFAULTS = new ScanOptions(Builder.BUILDKIT, DEFAULT_LARGEST_LIMIT);

    public ScanOptions {
        Objects.requireNonNull(builder, "builder");
        if (largestLimit < 0) {
            throw new IllegalArgumentException("largestLimit must not be negative: " + largestLimit);
        }
    }
}
