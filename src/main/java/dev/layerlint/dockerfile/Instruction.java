package dev.layerlint.dockerfile;

import java.util.List;
import java.util.Optional;

/**
 * One Dockerfile instruction, as BuildKit's parser reads it.
 *
 * @param keyword    the instruction
 * @param flags      flags in the order written ({@code --mount} may repeat)
 * @param arguments  the text after keyword and flags: continuation lines joined, comment lines dropped
 * @param args       the arguments as BuildKit splits them: the JSON array for exec form, the single
 *                   command string for shell-form RUN/CMD/ENTRYPOINT, whitespace-separated words for
 *                   FROM/EXPOSE/VOLUME, the one string for USER/WORKDIR/STOPSIGNAL/MAINTAINER; for
 *                   COPY/ADD in a stage, the words as BuildKit's lexer reads them (quotes removed,
 *                   variables the Dockerfile defines expanded, others left as written; heredoc
 *                   sources such as {@code <<EOF} as written)
 * @param execForm   the arguments were a valid JSON array of strings
 * @param pairs      the {@code key=value} pairs of ENV, LABEL and ARG
 * @param heredocs   heredocs opened by RUN, COPY or ADD, in order
 * @param trigger    the instruction an ONBUILD wraps
 * @param line       1-based first line
 * @param endLine    1-based last line, heredoc bodies included
 * @param column     1-based column of the keyword
 */
public record Instruction(
        Keyword keyword,
        List<Flag> flags,
        String arguments,
        List<String> args,
        boolean execForm,
        List<KeyValue> pairs,
        List<Heredoc> heredocs,
        Optional<Instruction> trigger,
        int line,
        int endLine,
        int column) {

    public Instruction {
        flags = List.copyOf(flags);
        args = List.copyOf(args);
        pairs = List.copyOf(pairs);
        heredocs = List.copyOf(heredocs);
    }

    public boolean is(Keyword k) {
        return keyword == k;
    }

    /** The first flag of that name. */
    public Optional<Flag> flag(String name) {
        return flags.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** Every flag of that name, e.g. all {@code --mount} flags. */
    public List<Flag> flags(String name) {
        return flags.stream().filter(f -> f.name().equals(name)).toList();
    }

    public boolean hasFlag(String name) {
        return flag(name).isPresent();
    }

    /** For RUN/CMD/ENTRYPOINT in shell form: the command string; otherwise empty. */
    public Optional<String> shellCommand() {
        boolean commandInstruction = keyword == Keyword.RUN || keyword == Keyword.CMD || keyword == Keyword.ENTRYPOINT;
        return commandInstruction && !execForm && !args.isEmpty() ? Optional.of(args.get(0)) : Optional.empty();
    }

    /**
     * For RUN: the scripts the shell runs. A RUN whose command is only a heredoc ({@code RUN <<EOF})
     * runs the heredoc body; otherwise the command line, plus the bodies of heredocs fed to a shell.
     */
    public List<Script> scripts() {
        if (keyword != Keyword.RUN) {
            return List.of();
        }
        if (execForm) {
            return List.of(new Script(String.join(" ", args), line, Optional.of(args)));
        }
        String command = args.isEmpty() ? "" : args.get(0);
        if (!heredocs.isEmpty() && isHeredocOnly(command.strip(), heredocs.get(0).name())) {
            Heredoc body = heredocs.get(0);
            return List.of(new Script(body.effectiveContent(), body.firstLine(), Optional.empty()));
        }
        java.util.ArrayList<Script> scripts = new java.util.ArrayList<>();
        scripts.add(new Script(command, line, Optional.empty()));
        if (SHELLS.contains(AsciiWords.firstWord(command))) {
            for (Heredoc h : heredocs) {
                scripts.add(new Script(h.effectiveContent(), h.firstLine(), Optional.empty()));
            }
        }
        return List.copyOf(scripts);
    }

    private static final java.util.Set<String> SHELLS = java.util.stream.Stream.of("", "/bin/", "/usr/bin/")
            .flatMap(dir -> java.util.stream.Stream.of("sh", "bash", "dash", "ash", "zsh").map(dir::concat))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** True for {@code <<NAME}, {@code <<-NAME}, {@code << "NAME"}, {@code <<'NAME'}: the command is the heredoc. */
    private static boolean isHeredocOnly(String command, String name) {
        if (!command.startsWith("<<")) {
            return false;
        }
        String rest = command.substring(AsciiWords.startOfWord(command, command.startsWith("<<-") ? 3 : 2));
        if (!rest.isEmpty() && (rest.charAt(0) == '"' || rest.charAt(0) == '\'')) {
            rest = rest.substring(1);
        }
        if (rest.endsWith("\"") || rest.endsWith("'")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        return rest.equals(name);
    }

    /**
     * A piece of shell a RUN executes.
     *
     * @param text      the script text
     * @param firstLine the Dockerfile line of the script's first line
     * @param execArgv  for exec form, the argv as written
     */
    public record Script(String text, int firstLine, Optional<List<String>> execArgv) {
    }
}
