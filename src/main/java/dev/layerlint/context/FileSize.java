package dev.layerlint.context;

import java.util.Objects;

/**
 * A regular file of a build context and its size.
 *
 * @param path  relative to the context root, {@code /} separators
 * @param bytes size in bytes
 */
public record FileSize(String path, long bytes) {

    public FileSize {
        Objects.requireNonNull(path, "path");
    }
}
