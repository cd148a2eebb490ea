package dev.layerlint.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns one parsed command into the commands that really run: it unwraps wrappers ({@code sudo},
 * {@code env}, {@code exec}, {@code nohup}, {@code time}, {@code command}, {@code nice}, {@code timeout},
 * {@code gosu}, ...), then reads the script of a
 * nested shell ({@code sh -c '...'}, {@code bash <<EOF}) and the command run by {@code xargs}.
 */
final class CommandExpander {

    /** Programs that read a POSIX shell script. */
    static final Set<String> POSIX_SHELLS = Set.of("sh", "bash", "ash", "dash", "ksh", "mksh", "zsh");

    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*", Pattern.DOTALL);

    /**
     * A program that runs the command given in its arguments.
     *
     * @param optionsWithValue its options whose value is the next word
     * @param operands         how many operands come before the command ({@code gosu USER command})
     */
    private record Wrapper(Set<String> optionsWithValue, int operands) {
    }

    private static final Map<String, Wrapper> WRAPPERS = Map.ofEntries(
            Map.entry("sudo", new Wrapper(Set.of("-u", "-g", "-C", "-D", "-p", "-r", "-t", "-U", "-T", "-R", "--user",
                    "--group", "--close-from", "--chdir", "--prompt", "--role", "--type", "--other-user",
                    "--command-timeout", "--chroot"), 0)),
            Map.entry("env", new Wrapper(Set.of("-u", "--unset", "-C", "--chdir"), 0)),
            Map.entry("exec", new Wrapper(Set.of("-a"), 0)),
            Map.entry("nohup", new Wrapper(Set.of(), 0)),
            Map.entry("time", new Wrapper(Set.of("-f", "--format", "-o", "--output"), 0)),
            Map.entry("command", new Wrapper(Set.of(), 0)),
            Map.entry("nice", new Wrapper(Set.of("-n", "--adjustment"), 0)),
            Map.entry("ionice", new Wrapper(Set.of("-c", "--class", "-n", "--classdata"), 0)),
            Map.entry("timeout", new Wrapper(Set.of("-s", "--signal", "-k", "--kill-after"), 1)),
            Map.entry("stdbuf", new Wrapper(Set.of("-i", "-o", "-e"), 0)),
            Map.entry("eatmydata", new Wrapper(Set.of(), 0)),
            Map.entry("gosu", new Wrapper(Set.of(), 1)),
            Map.entry("su-exec", new Wrapper(Set.of(), 1)));
    private static final String XARGS_LETTERS_WITH_VALUE = "adEILnPs";
    private static final Set<String> XARGS_LONG_OPTIONS_WITH_VALUE = Set.of("--arg-file", "--delimiter",
            "--max-args", "--max-chars", "--max-procs", "--process-slot-var");

    /** A word of a command and the 0-based script line it is on. */
    record Word(String text, int line) {
    }

    /** A command as parsed, before wrappers are removed. */
    record Invocation(List<Word> words, Map<String, String> assignments, List<Redirection> redirections, int line,
                      Connector connector, boolean conditional, Origin origin, List<String> wrappers) {

        SimpleCommand toCommand() {
            return new SimpleCommand(words.stream().map(Word::text).toList(), assignments, redirections, line,
                    connector, conditional, origin, wrappers);
        }

        String program() {
            return words.isEmpty() ? "" : SimpleCommand.baseName(words.get(0).text());
        }
    }

    private CommandExpander() {
    }

    /** Adds the command, and the commands it runs, to {@code reading}. */
    static void run(Invocation parsed, Reading reading, int nesting) {
        Invocation invocation = unwrap(parsed);
        reading.add(invocation.toCommand());
        nestedScript(invocation).ifPresent(script -> Parser.parse(script.text(), reading, new Frame(script.line(),
                invocation.origin(), invocation.conditional(), invocation.connector(), nesting + 1)));
        xargsCommand(invocation).ifPresent(command -> {
            if (nesting >= Reading.MAX_NESTING) {
                reading.report("commands nested more than " + Reading.MAX_NESTING + " levels deep were not read");
            } else {
                run(command, reading, nesting + 1);
            }
        });
    }

    private static Invocation unwrap(Invocation invocation) {
        List<Word> words = invocation.words();
        Map<String, String> assignments = new LinkedHashMap<>(invocation.assignments());
        List<String> wrappers = new ArrayList<>(invocation.wrappers());
        while (!words.isEmpty() && WRAPPERS.containsKey(SimpleCommand.baseName(words.get(0).text()))) {
            String name = SimpleCommand.baseName(words.get(0).text());
            int afterOptions = skipOptions(words, WRAPPERS.get(name).optionsWithValue());
            int commandStart = switch (name) {
                case "env" -> skipAssignments(words, afterOptions);
                case "command" -> queriesCommand(words) ? words.size() : afterOptions;
                default -> afterOptions + WRAPPERS.get(name).operands();
            };
            if (commandStart >= words.size()) {
                break;
            }
            if (name.equals("env")) {
                for (Word assignment : words.subList(afterOptions, commandStart)) {
                    int equals = assignment.text().indexOf('=');
                    assignments.put(assignment.text().substring(0, equals), assignment.text().substring(equals + 1));
                }
            }
            wrappers.add(name);
            words = words.subList(commandStart, words.size());
        }
        return new Invocation(words, assignments, invocation.redirections(), invocation.line(), invocation.connector(),
                invocation.conditional(), invocation.origin(), wrappers);
    }

    /** Index of the first word after the wrapper's options. */
    private static int skipOptions(List<Word> words, Set<String> optionsWithValue) {
        int i = 1;
        while (i < words.size()) {
            String word = words.get(i).text();
            if (word.equals("--")) {
                return i + 1;
            }
            if (!word.startsWith("-") || word.length() == 1) {
                return i;
            }
            i += optionsWithValue.contains(word) ? 2 : 1;
        }
        return i;
    }

    private static int skipAssignments(List<Word> words, int from) {
        int i = from;
        while (i < words.size() && ASSIGNMENT.matcher(words.get(i).text()).matches()) {
            i++;
        }
        return i;
    }

    /** {@code command -v name} and {@code command -V name} describe a command instead of running it. */
    private static boolean queriesCommand(List<Word> words) {
        for (Word word : words.subList(1, skipOptions(words, Set.of()))) {
            if (word.text().startsWith("-") && !word.text().startsWith("--")
                    && (word.text().contains("v") || word.text().contains("V"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The script a POSIX shell command runs: the operand of {@code -c}, else a here-document or here-string
     * on its standard input when it names no script file.
     */
    private static Optional<Word> nestedScript(Invocation invocation) {
        if (!POSIX_SHELLS.contains(invocation.program())) {
            return Optional.empty();
        }
        List<Word> words = invocation.words();
        boolean commandString = false;
        int i = 1;
        while (i < words.size()) {
            String word = words.get(i).text();
            if (word.equals("--") || word.equals("-")) {
                i++;
                break;
            }
            if (word.startsWith("--")) {
                i += word.equals("--rcfile") || word.equals("--init-file") ? 2 : 1;
            } else if ((word.startsWith("-") || word.startsWith("+")) && word.length() > 1) {
                commandString |= word.startsWith("-") && word.indexOf('c') > 0;
                i += word.indexOf('o') > 0 || word.indexOf('O') > 0 ? 2 : 1;
            } else {
                break;
            }
        }
        if (commandString) {
            return i < words.size() ? Optional.of(words.get(i)) : Optional.empty();
        }
        if (i < words.size()) {
            return Optional.empty();
        }
        for (Redirection redirection : invocation.redirections()) {
            if (redirection.hereDocument().isPresent() && (redirection.operator().equals("<<")
                    || redirection.operator().equals("<<-") || redirection.operator().equals("0<<"))) {
                return Optional.of(new Word(redirection.hereDocument().get(), invocation.line() + 1));
            }
            if (redirection.operator().equals("<<<")) {
                return Optional.of(new Word(redirection.target(), invocation.line()));
            }
        }
        return Optional.empty();
    }

    /** The command {@code xargs} runs, if one is named. */
    private static Optional<Invocation> xargsCommand(Invocation invocation) {
        if (!invocation.program().equals("xargs")) {
            return Optional.empty();
        }
        List<Word> words = invocation.words();
        int i = 1;
        while (i < words.size()) {
            String word = words.get(i).text();
            if (word.equals("--")) {
                i++;
                break;
            }
            if (word.startsWith("--")) {
                i += XARGS_LONG_OPTIONS_WITH_VALUE.contains(word) ? 2 : 1;
            } else if (word.startsWith("-") && word.length() > 1) {
                i += takesSeparateValue(word) ? 2 : 1;
            } else {
                break;
            }
        }
        if (i >= words.size()) {
            return Optional.empty();
        }
        Origin origin = invocation.origin() == Origin.SCRIPT ? Origin.XARGS : invocation.origin();
        return Optional.of(new Invocation(words.subList(i, words.size()), Map.of(), List.of(), invocation.line(),
                invocation.connector(), invocation.conditional(), origin, List.of()));
    }

    /** True when a cluster of xargs short options ends with an option whose value is the next word ({@code -rI {}}). */
    private static boolean takesSeparateValue(String cluster) {
        for (int j = 1; j < cluster.length(); j++) {
            if (XARGS_LETTERS_WITH_VALUE.indexOf(cluster.charAt(j)) >= 0) {
                return j == cluster.length() - 1;
            }
        }
        return false;
    }
}
