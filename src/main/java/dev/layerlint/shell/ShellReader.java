package dev.layerlint.shell;

import dev.layerlint.shell.CommandExpander.Invocation;
import dev.layerlint.shell.CommandExpander.Word;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads {@code RUN} scripts into {@link ShellScript}s. Never throws on bad input: see {@link ShellScript#problem()}.
 */
public final class ShellReader {

    /** The shell Docker runs shell-form instructions with on Linux. */
    public static final List<String> DEFAULT_SHELL = List.of("/bin/sh", "-c");

    private ShellReader() {
    }

    /** Reads a shell-form script run by the default shell. */
    public static ShellScript read(String script) {
        return read(script, DEFAULT_SHELL);
    }

    /**
     * Reads a shell-form script run by {@code shell}, the argv set by the {@code SHELL} instruction. A shell
     * that does not read POSIX scripts (PowerShell, {@code cmd}) gives no commands and the problem
     * {@code not a POSIX shell: NAME} (NAME the base name of its program), so that rules stay quiet.
     */
    public static ShellScript read(String script, List<String> shell) {
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(shell, "shell");
        String program = shellProgram(shell);
        if (!CommandExpander.POSIX_SHELLS.contains(program)) {
            String name = program.isEmpty() ? "(none)" : program;
            return new ShellScript(List.of(), shell, Optional.of("not a POSIX shell: " + name));
        }
        Reading reading = new Reading();
        Parser.parse(script, reading, Frame.TOP);
        return new ShellScript(reading.commands(), shell, reading.problem());
    }

    /**
     * The base name of the program that reads the script, looking through {@code env} and {@code busybox}
     * ({@code ["/usr/bin/env", "bash", "-c"]} gives {@code bash}).
     */
    private static String shellProgram(List<String> shell) {
        for (String word : shell) {
            String program = SimpleCommand.baseName(word.replace('\\', '/'));
            if (!program.equals("env") && !program.equals("busybox")) {
                return program;
            }
        }
        return "";
    }

    /**
     * Reads an exec-form command ({@code RUN ["apt-get", "install", "curl"]}): {@code argv[0]} is the program,
     * and the script of {@code ["sh", "-c", "..."]} is read as well.
     */
    public static ShellScript read(List<String> argv) {
        Objects.requireNonNull(argv, "argv");
        if (argv.isEmpty()) {
            return new ShellScript(List.of(), List.of(), Optional.of("empty exec-form command"));
        }
        Reading reading = new Reading();
        List<Word> words = argv.stream().map(arg -> new Word(arg, 0)).toList();
        CommandExpander.run(new Invocation(words, Map.of(), List.of(), 0, Connector.NONE, false, Origin.SCRIPT,
                List.of()), reading, 0);
        return new ShellScript(reading.commands(), List.of(), reading.problem());
    }
}
