package dev.layerlint.dockerfile;

/**
 * A comment line ({@code # …}) outside heredoc bodies; suppressions ({@code # layerlint ignore=…}) are read from these.
 *
 * @param line 1-based line
 * @param text the text after {@code #}, trimmed
 */
public record Comment(int line, String text) {
}
