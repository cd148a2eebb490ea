package dev.layerlint.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Collects the commands of one script, nested scripts included, and the first problem met. */
final class Reading {

    /**
     * Deeper nesting (of groups, substitutions, {@code sh -c} bodies) is not read, so that input cannot exhaust
     * the stack.
     */
    static final int MAX_NESTING = 64;

    private final List<SimpleCommand> commands = new ArrayList<>();
    private String problem;

    void add(SimpleCommand command) {
        commands.add(command);
    }

    void report(String message) {
        if (problem == null) {
            problem = message;
        }
    }

    List<SimpleCommand> commands() {
        return List.copyOf(commands);
    }

    Optional<String> problem() {
        return Optional.ofNullable(problem);
    }
}
