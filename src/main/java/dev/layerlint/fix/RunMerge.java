package dev.layerlint.fix;

import dev.layerlint.dockerfile.Instruction;
import dev.layerlint.dockerfile.Keyword;
import dev.layerlint.report.Finding;
import dev.layerlint.shell.CommandList;
import dev.layerlint.shell.Connector;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * ConsecutiveRuns, AptUpdateAlone and CleanupInLaterLayer: RUNs that follow each other directly (no line between them)
 * with the same flags become one RUN, the later commands joined with {@code &&} on continuation lines written in the
 * style of the first RUN. Only when the shell of the merged RUN runs exactly what the separate RUNs ran: no earlier
 * command changes the shell's state that a later one would see ({@code cd}, {@code export}, {@code set},
 * {@code source}, {@code umask}, {@code ulimit}, {@code alias}, {@code exec}, {@code exit}, an assignment), no RUN
 * ends with a comment or separator, no suppression comment above the first RUN would then cover the others, and each
 * later RUN is a chain of {@code &&} and pipes, so that it still runs only
 * when everything before it succeeded. For ConsecutiveRuns the whole run of RUNs is merged, for AptUpdateAlone the
 * update with the RUN after it, for CleanupInLaterLayer the cleanup into the RUN before it.
 */
final class RunMerge implements Fix {

    /** Programs that change the shell's state, which a command of a later RUN would see once merged. */
    private static final Set<String> STATEFUL = Set.of("cd", "pushd", "popd", "export", "set", "source", ".", "umask",
            "ulimit", "alias", "unalias", "exec", "exit", "return", "shopt", "trap", "unset", "declare", "typeset", "local",
            "readonly", "eval", "shift", "hash", "builtin");

    private final String ruleId;

    RunMerge(String ruleId) {
        this.ruleId = ruleId;
    }

    @Override
    public String ruleId() {
        return ruleId;
    }

    @Override
    public Proposal.Change change(FixTarget target, Finding finding) throws Refused {
        List<Instruction> runs = runs(target, finding);
        List<Edit> edits = new ArrayList<>();
        for (int i = 0; i + 1 < runs.size(); i++) {
            edits.add(join(target, runs.get(i), runs.get(i + 1)));
        }
        List<String> lines = runs.stream().map(r -> Integer.toString(r.line())).toList();
        return new Proposal.Change(edits, "merged the RUNs at lines " + String.join(", ", lines.subList(0, lines.size() - 1))
                + " and " + lines.get(lines.size() - 1));
    }

    /** The RUNs to merge, in order. */
    private List<Instruction> runs(FixTarget target, Finding finding) throws Refused {
        Instruction at = target.instructionAt(finding.line());
        List<Instruction> all = target.dockerfile().instructions();
        int index = all.indexOf(at);
        return switch (ruleId) {
            case "ConsecutiveRuns" -> all.stream().filter(i -> i.line() >= finding.line() && i.line() <= finding.endLine()).toList();
            case "AptUpdateAlone" -> {
                if (index + 1 >= all.size() || !all.get(index + 1).is(Keyword.RUN)) {
                    throw new Refused("no RUN follows the RUN at line " + at.line() + " to merge its `apt-get update` into");
                }
                yield List.of(at, all.get(index + 1));
            }
            default -> {
                if (index < 1 || !all.get(index - 1).is(Keyword.RUN)) {
                    throw new Refused("no RUN comes right before the RUN at line " + at.line() + " to merge its cleanup into");
                }
                yield List.of(all.get(index - 1), at);
            }
        };
    }

    /** The edit that turns {@code second} into continuation lines of {@code first}, after checking that it is safe. */
    private static Edit join(FixTarget target, Instruction first, Instruction second) throws Refused {
        FixTarget.RunScript a = target.runScript(first.line());
        FixTarget.RunScript b = target.runScript(second.line());
        String pair = "the RUNs at lines " + first.line() + " and " + second.line();
        if (!first.flags().equals(second.flags())) {
            throw new Refused(pair + " have different flags");
        }
        for (int line = first.line() - 1; line > 0 && target.dockerfile().commentAt(line).isPresent(); line--) {
            if (target.dockerfile().commentAt(line).get().text().toLowerCase(java.util.Locale.ROOT).contains("ignore")) {
                throw new Refused("the comment at line " + line + " suppresses findings of RUN at line " + first.line()
                        + "; merged, it would hide those of line " + second.line());
            }
        }
        if (second.line() != first.endLine() + 1) {
            throw new Refused("a blank or comment line separates " + pair + "; merge them by hand");
        }
        List<CommandList.Command> commands = a.list().commands();
        if (commands.isEmpty() || !first.arguments().substring(commands.get(commands.size() - 1).end()).isBlank()) {
            throw new Refused("RUN at line " + first.line() + " ends with a comment or a separator after its last command; merge by hand");
        }
        for (CommandList.Command command : commands) {
            String program = program(command);
            if (program.isEmpty() || STATEFUL.contains(program)) {
                String what = program.isEmpty() ? "sets a shell variable (" + command.words().get(0).raw() + ")" : "runs `" + program + "`";
                throw new Refused("RUN at line " + first.line() + " " + what + ", which changes the shell's state; merged, "
                        + "line " + second.line() + " would run in that state");
            }
        }
        boolean chain = b.list().commands().stream().skip(1)
                .allMatch(c -> c.connector() == Connector.AND || c.connector() == Connector.PIPE);
        if (!chain) {
            throw new Refused("RUN at line " + second.line() + " joins commands with `;` or `||`; merged, part of it would run "
                    + "even when line " + first.line() + " fails");
        }
        int from = a.line().offsetAfter(first.arguments().length());
        int to = b.line().offset(0);
        return new Edit(from, to, separator(target, first));
    }

    /** The first word that is not an assignment ({@code X=1 make} runs make); empty for an assignment alone. */
    private static String program(CommandList.Command command) {
        for (CommandList.Word word : command.words()) {
            boolean assignment = !word.quoted() && word.raw().matches("[A-Za-z_][A-Za-z0-9_]*\\+?=.*");
            if (!assignment) {
                return word.text();
            }
        }
        return "";
    }

    /**
     * What goes between the end of {@code first} and the next RUN's commands: a continuation line in the style of the
     * first RUN's last line ({@code && } leading it, or ending the line before), indented as that line is; four blanks
     * and a leading {@code &&} for a RUN written on one line.
     */
    private static String separator(FixTarget target, Instruction first) {
        SourceText source = target.source();
        String escape = " " + target.dockerfile().escape() + source.lineBreak();
        if (first.line() == first.endLine()) {
            return escape + "    && ";
        }
        String last = source.line(first.endLine());
        String indent = last.substring(0, last.length() - last.stripLeading().length());
        return last.stripLeading().startsWith("&&") ? escape + indent + "&& " : " &&" + escape + indent;
    }
}
