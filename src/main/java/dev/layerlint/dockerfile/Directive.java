package dev.layerlint.dockerfile;

/**
 * A parser directive ({@code # syntax=…}, {@code # escape=…}, {@code # check=…}) at the top of a Dockerfile.
 *
 * @param name  lower-case directive name
 * @param value the value, trimmed
 * @param line  1-based line
 */
public record Directive(String name, String value, int line) {
}
