package dev.layerlint.dockerfile;

import java.util.Optional;

/**
 * A {@code key=value} pair of ENV, LABEL or ARG, with quotes removed and escapes processed but
 * variables not yet expanded. ARG may have no value.
 */
public record KeyValue(String key, Optional<String> value) {
}
