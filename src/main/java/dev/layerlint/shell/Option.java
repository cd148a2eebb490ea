package dev.layerlint.shell;

import java.util.Objects;
import java.util.Optional;

/**
 * An option of a package-manager invocation.
 *
 * @param name  the option as written, without its value: {@code --no-cache-dir}, {@code -y}, {@code -r}.
 *              Clusters of short options are split ({@code -yq} gives {@code -y} and {@code -q}) for
 *              managers that read them so.
 * @param value its value, whether given as {@code --name=value}, {@code -rvalue} or as the next word
 */
public record Option(String name, Optional<String> value) {

    public Option {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    static Option flag(String name) {
        return new Option(name, Optional.empty());
    }

    static Option withValue(String name, String value) {
        return new Option(name, Optional.of(value));
    }
}
