package dev.layerlint.shell;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One simple command of a script: a program with its arguments, as {@code sh} would run it.
 *
 * @param words        the command's words with quotes removed and escapes processed; variables and
 *                     command substitutions are kept as written ({@code $HOME}, {@code $(nproc)}).
 *                     Wrappers ({@code sudo}, {@code env}, {@code exec}, {@code nohup}, {@code time},
 *                     {@code command}, {@code nice}, {@code ionice}, {@code timeout}, {@code stdbuf},
 *                     {@code eatmydata}, {@code gosu}, {@code su-exec}) are removed, so the first word is the
 *                     program that really runs.
 *                     Empty for a command made of assignments only ({@code X=1}).
 * @param assignments  {@code NAME=value} prefixes (also those given to {@code env}), in order
 * @param redirections redirections, in order
 * @param line         0-based index of the script line the command starts on (for a command of a nested
 *                     script, the line of the outermost script)
 * @param connector    what separates this command from the one executed before it; the first command of a
 *                     nested script ({@code sh -c} body, substitution, {@code xargs} command) and of a group
 *                     or subshell takes the connector of what contains it, so that {@code a && (b; c)} gives
 *                     {@code b} the connector {@code AND}
 * @param conditional  true inside an {@code if}/{@code elif}/{@code else} branch, a {@code case} arm or a
 *                     function body: the command may not run at all
 * @param origin       how the command comes to run
 * @param wrappers     programs that were unwrapped to reach this command, outermost first ({@code [sudo]})
 */
public record SimpleCommand(
        List<String> words,
        Map<String, String> assignments,
        List<Redirection> redirections,
        int line,
        Connector connector,
        boolean conditional,
        Origin origin,
        List<String> wrappers) {

    public SimpleCommand {
        words = List.copyOf(words);
        assignments = Collections.unmodifiableMap(new LinkedHashMap<>(assignments));
        redirections = List.copyOf(redirections);
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(origin, "origin");
        wrappers = List.copyOf(wrappers);
    }

    /**
     * The base name of the first word ({@code /usr/bin/apt-get} gives {@code apt-get}); empty for a
     * command made of assignments only.
     */
    public String program() {
        return words.isEmpty() ? "" : baseName(words.get(0));
    }

    /** The words after the program. */
    public List<String> args() {
        return words.isEmpty() ? List.of() : words.subList(1, words.size());
    }

    /** True when the program is one of {@code programs}. */
    public boolean runs(String... programs) {
        String program = program();
        for (String candidate : programs) {
            if (candidate.equals(program)) {
                return true;
            }
        }
        return false;
    }

    static String baseName(String word) {
        return word.substring(word.lastIndexOf('/') + 1);
    }
}
