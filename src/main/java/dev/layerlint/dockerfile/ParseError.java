package dev.layerlint.dockerfile;

/**
 * Why BuildKit would reject a Dockerfile, and where.
 *
 * @param line    1-based first line of the offending instruction (1 for a file-level problem)
 * @param endLine last line of the offending instruction
 * @param message BuildKit-style reason, e.g. {@code unknown instruction: RUNN}
 */
public record ParseError(int line, int endLine, String message) {
}
