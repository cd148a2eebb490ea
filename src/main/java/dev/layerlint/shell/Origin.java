package dev.layerlint.shell;

/** How a command comes to run. */
public enum Origin {
    /** Written as a command of the script, or of a nested {@code sh -c} body. */
    SCRIPT,
    /** Inside a command substitution, {@code $(...)} or backquotes: its output becomes a word. */
    SUBSTITUTION,
    /** The command that an {@code xargs} invocation runs, with arguments read from its input. */
    XARGS
}
