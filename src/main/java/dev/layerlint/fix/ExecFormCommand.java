package dev.layerlint.fix;

import dev.layerlint.dockerfile.Instruction;
import dev.layerlint.dockerfile.Keyword;
import dev.layerlint.dockerfile.Stage;
import dev.layerlint.report.Finding;
import dev.layerlint.shell.CommandList;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * ShellFormCommand: {@code CMD java -jar app.jar} becomes {@code CMD ["java", "-jar", "app.jar"]} when the command uses
 * no shell feature: plain words only (no variables, globs, quotes, escapes, redirections, pipes or lists), a program
 * that is not a shell builtin, no SHELL instruction in effect. A leading {@code exec} is dropped: the program then ran
 * in the shell's place anyway. Each word is quoted where it is written, so line breaks and indentation stay.
 * An ENTRYPOINT is rewritten only when its stage sets no CMD (in exec form the CMD would become its arguments), a CMD
 * only when no ENTRYPOINT of the file receives it (in exec form it would receive the words, not {@code /bin/sh -c …}).
 */
final class ExecFormCommand implements Fix {

    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_./:@%+,=-]+");
    private static final Set<String> BUILTINS = Set.of(".", ":", "[", "alias", "bg", "break", "cd", "command", "continue",
            "eval", "exec", "exit", "export", "false", "fg", "getopts", "hash", "jobs", "kill", "local", "pwd", "read",
            "readonly", "return", "set", "shift", "source", "test", "times", "trap", "true", "type", "ulimit", "umask",
            "unalias", "unset", "wait");

    @Override
    public String ruleId() {
        return "ShellFormCommand";
    }

    @Override
    public Proposal.Change change(FixTarget target, Finding finding) throws Refused {
        Instruction ins = target.instructionAt(finding.line());
        String where = ins.keyword() + " at line " + ins.line();
        if (!(ins.is(Keyword.CMD) || ins.is(Keyword.ENTRYPOINT)) || ins.shellCommand().isEmpty()) {
            throw new Refused("line " + ins.line() + " holds no CMD or ENTRYPOINT in shell form");
        }
        Optional<Instruction> shell = target.shellBefore(ins);
        if (shell.isPresent()) {
            throw new Refused(where + " runs under the SHELL set at line " + shell.get().line() + "; choose its JSON form by hand");
        }
        CommandList.Reading reading = CommandList.read(ins.arguments());
        if (!(reading instanceof CommandList.Plain plain) || plain.list().commands().size() != 1) {
            throw new Refused(where + " uses the shell (a list, pipe, redirection or compound command); "
                    + "write a script that ends in `exec` if it needs one");
        }
        List<CommandList.Word> words = new ArrayList<>(plain.list().commands().get(0).words());
        for (CommandList.Word word : words) {
            if (word.quoted() || !PLAIN_WORD.matcher(word.raw()).matches()) {
                throw new Refused(where + " has the word " + word.raw() + ", which the shell would expand or unquote");
            }
        }
        Optional<CommandList.Word> exec = Optional.empty();
        if (words.get(0).text().equals("exec") && words.size() > 1) {
            exec = Optional.of(words.remove(0));
        }
        String program = words.get(0).text();
        if (program.contains("=")) {
            throw new Refused(where + " starts with the variable assignment " + program + ", which only a shell makes");
        }
        if (BUILTINS.contains(program)) {
            throw new Refused(where + " runs " + program + ", a shell builtin");
        }
        checkArguments(target, ins, where);
        LogicalLine line = target.logicalLine(ins);
        if (line.linesDroppedBetween(target.source(), 0, line.text().length() - 1)) {
            throw new Refused(where + " has comment lines among its words; rewrite it by hand");
        }
        List<Edit> edits = new ArrayList<>();
        exec.ifPresent(e -> edits.add(new Edit(line.offset(e.start()), line.offset(words.get(0).start()), "")));
        for (int i = 0; i < words.size(); i++) {
            CommandList.Word word = words.get(i);
            edits.add(Edit.insert(line.offset(word.start()), i == 0 ? "[\"" : "\""));
            edits.add(Edit.insert(line.offsetAfter(word.end()), i == words.size() - 1 ? "\"]" : "\","));
        }
        return new Proposal.Change(edits, ins.keyword() + " in JSON form");
    }

    /** Refuses when the exec form would change the arguments that CMD and ENTRYPOINT combine into. */
    private static void checkArguments(FixTarget target, Instruction ins, String where) throws Refused {
        Stage stage = target.stageOf(ins);
        if (ins.is(Keyword.ENTRYPOINT)) {
            Optional<Instruction> cmd = stage.last(Keyword.CMD);
            if (cmd.isPresent()) {
                throw new Refused(where + ": in JSON form it would receive the CMD at line " + cmd.get().line()
                        + " as arguments, which the shell form ignores");
            }
            return;
        }
        for (Stage s : target.lineage(stage)) {
            Optional<Instruction> entrypoint = s.last(Keyword.ENTRYPOINT);
            if (entrypoint.isPresent() && entrypoint.get().execForm()) {
                throw new Refused(where + " gives its words to the ENTRYPOINT at line " + entrypoint.get().line()
                        + ", which now receives `/bin/sh -c …`; decide by hand");
            }
        }
    }
}
