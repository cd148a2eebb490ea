package dev.layerlint.context;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How to analyse a build context.
 *
 * @param builder      whose ignore-file rules to reproduce
 * @param largestLimit how many of the largest sent files to report
 * @param ownOutput    the directory this tool writes its reports to: when it lies inside the context it is left out
 *                     of the scan, so that one run's reports never change the next run's findings
 */
public record ScanOptions(Builder builder, int largestLimit, Optional<Path> ownOutput) {

    public static final int DEFAULT_LARGEST_LIMIT = 10;

    /** BuildKit, the ten largest files. */
    public static final ScanOptions DEFAULTS = new ScanOptions(Builder.BUILDKIT, DEFAULT_LARGEST_LIMIT);

    public ScanOptions(Builder builder, int largestLimit) {
        this(builder, largestLimit, Optional.empty());
    }

    public ScanOptions {
        Objects.requireNonNull(builder, "builder");
        Objects.requireNonNull(ownOutput, "ownOutput");
        if (largestLimit < 0) {
            throw new IllegalArgumentException("largestLimit must not be negative: " + largestLimit);
        }
    }

    /** The same options, leaving {@code directory} (the reports' directory) out of the scan. */
    public ScanOptions withOwnOutput(Path directory) {
        return new ScanOptions(builder, largestLimit, Optional.of(directory));
    }
}
