package dev.layerlint.dockerfile;

import java.util.Optional;

/**
 * An instruction flag such as {@code --from=builder} or {@code --link}.
 *
 * @param name  the name without leading dashes, lower case as written
 * @param value the text after {@code =}; empty for a bare flag
 */
public record Flag(String name, Optional<String> value) {

    /** The value, or {@code ""} for a bare flag. */
    public String valueOrEmpty() {
        return value.orElse("");
    }
}
