package dev.layerlint.shell;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The commands of one {@code RUN} script, as the shell would run them.
 *
 * @param commands every simple command in execution order, nested ones included (see {@link SimpleCommand#origin()})
 * @param shell    the shell that runs the script ({@code [/bin/sh, -c]} by default); empty for an exec-form command
 * @param problem  what could not be read (an unterminated quote, a missing {@code fi}, a non-POSIX shell);
 *                 the commands then hold what could be read
 */
public record ShellScript(List<SimpleCommand> commands, List<String> shell, Optional<String> problem) {

    public ShellScript {
        commands = List.copyOf(commands);
        shell = List.copyOf(shell);
        Objects.requireNonNull(problem, "problem");
    }

    /** The commands whose program is one of {@code programs}. */
    public List<SimpleCommand> commandsRunning(String... programs) {
        return commands.stream().filter(command -> command.runs(programs)).toList();
    }

    /** The package-manager invocations, in execution order. */
    public List<PackageManagerCall> packageManagerCalls() {
        return commands.stream().map(PackageManagerCalls::recognise).flatMap(Optional::stream).toList();
    }

    /** What {@code rm} and {@code find -delete} commands remove, as written (paths and globs). */
    public List<String> removedPaths() {
        return commands.stream().flatMap(command -> Removals.of(command).stream()).toList();
    }

    /**
     * True when the script removes {@code path}: some removed path or glob names it or one of its ancestors,
     * or clears its content ({@code rm -rf /var/lib/apt/lists/*} removes {@code /var/lib/apt/lists}).
     * Paths are compared as written: no variable is expanded and no relative path is resolved.
     */
    public boolean removes(String path) {
        return removedPaths().stream().anyMatch(removed -> Removals.covers(removed, path));
    }

    /** True when {@code command} is an {@code rm} or {@code find -delete} that removes {@code path} (see {@link #removes}). */
    public static boolean removesPath(SimpleCommand command, String path) {
        return Removals.of(command).stream().anyMatch(removed -> Removals.covers(removed, path));
    }

    /**
     * True when {@code pipefail} is on for every pipeline of the script: the shell is started with
     * {@code -o pipefail}, or a {@code set -o pipefail} (or a nested {@code bash -o pipefail -c}) comes before
     * the first pipe.
     */
    public boolean pipefail() {
        if (!shell.isEmpty() && ShellOptions.enablesPipefail(shell.subList(1, shell.size()))) {
            return true;
        }
        for (SimpleCommand command : commands) {
            if (command.connector() == Connector.PIPE) {
                return false;
            }
            boolean shellCommand = command.runs("set") || CommandExpander.POSIX_SHELLS.contains(command.program());
            if (command.origin() == Origin.SCRIPT && shellCommand && ShellOptions.enablesPipefail(command.args())) {
                return true;
            }
        }
        return false;
    }
}
