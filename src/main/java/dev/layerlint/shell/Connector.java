package dev.layerlint.shell;

/** What separates a command from the one executed before it. */
public enum Connector {
    /** The first command of the script. */
    NONE,
    /** {@code a && b}: runs only when the previous command succeeded. */
    AND,
    /** {@code a || b}: runs only when the previous command failed. */
    OR,
    /** {@code a; b}. */
    SEMICOLON,
    /** {@code a | b}: reads the previous command's output. */
    PIPE,
    /** {@code a & b}: the previous command runs in the background. */
    BACKGROUND,
    /** A line break. */
    NEWLINE
}
