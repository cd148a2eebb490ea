package dev.layerlint.context;

import java.util.Objects;

/**
 * An entry of a build context that could not be examined.
 *
 * @param path    relative to the context root, {@code /} separators ({@code .} for the root itself)
 * @param message what went wrong and what it means for the build
 */
public record ContextWarning(String path, String message) {

    public ContextWarning {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }
}
