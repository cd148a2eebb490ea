package dev.layerlint.report;

import java.util.Comparator;
import java.util.Objects;

/**
 * One file and its size, as the reports list the largest files of a build context or an image.
 *
 * @param path  path inside the context or image, {@code /}-separated
 * @param bytes size in bytes
 */
public record FileSize(String path, long bytes) {

    /** Largest first, then by path, so that equal sizes list the same way on every run. */
    public static final Comparator<FileSize> LARGEST_FIRST =
            Comparator.comparingLong(FileSize::bytes).reversed().thenComparing(FileSize::path);

    public FileSize {
        Objects.requireNonNull(path, "path");
    }
}
