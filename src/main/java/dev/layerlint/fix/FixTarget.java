package dev.layerlint.fix;

import dev.layerlint.dockerfile.Dockerfile;
import dev.layerlint.dockerfile.Instruction;
import dev.layerlint.dockerfile.Keyword;
import dev.layerlint.dockerfile.Stage;
import dev.layerlint.fix.Fix.Refused;
import dev.layerlint.shell.CommandList;
import dev.layerlint.shell.PackageManagerCall;
import dev.layerlint.shell.ShellReader;
import dev.layerlint.shell.ShellScript;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a fix works on: the Dockerfile's text as written, its syntax tree, and the build context when known.
 *
 * @param source     the text
 * @param dockerfile the text, parsed
 * @param context    the build context directory, when known (ADD → COPY reads the files it copies)
 */
record FixTarget(SourceText source, Dockerfile dockerfile, Optional<Path> context) {

    /** The top-level instruction that starts at {@code line}. */
    Instruction instructionAt(int line) throws Refused {
        return dockerfile.instructions().stream().filter(i -> i.line() == line).findFirst()
                .orElseThrow(() -> new Refused("no instruction starts at line " + line));
    }

    /** The arguments of {@code instruction} mapped onto the text. */
    LogicalLine logicalLine(Instruction instruction) throws Refused {
        return LogicalLine.of(source, instruction, dockerfile.escape()).orElseThrow(() -> new Refused(
                instruction.keyword() + " at line " + instruction.line() + " could not be mapped back onto its lines"));
    }

    /**
     * The RUN at {@code line} as a plain list of commands mapped onto the text: shell form, no heredoc, run by
     * {@code /bin/sh}, not an ONBUILD trigger.
     */
    RunScript runScript(int line) throws Refused {
        Instruction run = instructionAt(line);
        String where = "RUN at line " + line;
        if (run.is(Keyword.ONBUILD)) {
            throw new Refused("the ONBUILD trigger at line " + line + " runs in other builds; fix it by hand");
        }
        if (!run.is(Keyword.RUN)) {
            throw new Refused("line " + line + " holds " + run.keyword() + ", not RUN");
        }
        if (run.execForm()) {
            throw new Refused(where + " is in exec (JSON) form; fix it by hand");
        }
        if (!run.heredocs().isEmpty()) {
            throw new Refused(where + " uses a heredoc; heredocs are left as written");
        }
        Optional<Instruction> shell = shellBefore(run);
        if (shell.isPresent()) {
            throw new Refused(where + " runs under the SHELL set at line " + shell.get().line() + "; only /bin/sh scripts are rewritten");
        }
        CommandList.Reading reading = CommandList.read(run.arguments());
        if (reading instanceof CommandList.NotPlain notPlain) {
            throw new Refused(where + " is not a plain list of commands: " + notPlain.reason());
        }
        return new RunScript(run, logicalLine(run), ((CommandList.Plain) reading).list());
    }

    /** The stage {@code instruction} is in. */
    Stage stageOf(Instruction instruction) throws Refused {
        return dockerfile.stageOf(instruction).orElseThrow(() -> new Refused("line " + instruction.line() + " is in no stage"));
    }

    /** The last SHELL before {@code at} in its stage or the stages it builds on. */
    Optional<Instruction> shellBefore(Instruction at) throws Refused {
        Optional<Instruction> found = Optional.empty();
        for (Stage stage : lineage(stageOf(at))) {
            for (Instruction i : stage.instructions()) {
                if (i.is(Keyword.SHELL) && i.line() < at.line()) {
                    found = Optional.of(i);
                }
            }
        }
        return found;
    }

    /** The stage and the stages of this file it builds on, the root first. */
    List<Stage> lineage(Stage stage) {
        List<Stage> chain = new ArrayList<>();
        Optional<Stage> current = Optional.of(stage);
        while (current.isPresent() && chain.size() <= dockerfile.stages().size()) {
            chain.add(0, current.get());
            current = current.get().parentStage().map(dockerfile.stages()::get);
        }
        return chain;
    }

    /** The RUNs (ONBUILD triggers included) after {@code at} in the file, with their package-manager calls. */
    List<LaterRun> runsAfter(Instruction at) {
        List<LaterRun> later = new ArrayList<>();
        for (Instruction i : dockerfile.instructions()) {
            Instruction run = i.trigger().orElse(i);
            if (i.line() > at.line() && run.is(Keyword.RUN)) {
                List<PackageManagerCall> calls = new ArrayList<>();
                for (Instruction.Script script : run.scripts()) {
                    ShellScript read = script.execArgv().map(ShellReader::read).orElseGet(() -> ShellReader.read(script.text()));
                    calls.addAll(read.packageManagerCalls());
                }
                later.add(new LaterRun(i.line(), calls));
            }
        }
        return later;
    }

    /** A RUN after the one being fixed, with its package-manager calls in order. */
    record LaterRun(int line, List<PackageManagerCall> calls) {
    }

    /**
     * A RUN's script as a plain list, mapped onto the text.
     *
     * @param run  the RUN
     * @param line its arguments (the script) mapped onto the text
     * @param list the script's commands with where their words are
     */
    record RunScript(Instruction run, LogicalLine line, CommandList list) {

        /** An edit inserting {@code text} right after the word. */
        Edit insertAfter(CommandList.Word word, String text) {
            return Edit.insert(line.offsetAfter(word.end()), text);
        }

        /**
         * The edit that runs {@code command} with {@code &&} right after the command {@code after} of the script (at the
         * end of the script, see {@link #append}, when {@code after} is its last command), when the script is a plain
         * {@code &&} chain without {@code exec}, so that the new command runs exactly when all before it succeeded.
         */
        Edit appendToChain(SourceText source, char escape, CommandList.Command after, String command) throws Refused {
            if (!list.andChain()) {
                throw new Refused("RUN at line " + run.line() + " is not a plain && chain (`;`, `||`, `|` or a line break joins "
                        + "its commands), so an appended `" + command + "` might not run after the commands before it; add it by hand");
            }
            for (CommandList.Command c : list.commands()) {
                if (!c.words().isEmpty() && c.words().get(0).text().equals("exec")) {
                    throw new Refused("RUN at line " + run.line() + " ends its shell with `exec`; nothing after it runs");
                }
            }
            if (after != list.commands().get(list.commands().size() - 1)) {
                return Edit.insert(line.offsetAfter(after.end()), " && " + command);
            }
            return append(source, escape, command);
        }

        /** The last command of the script. */
        CommandList.Command lastCommand() {
            return list.commands().get(list.commands().size() - 1);
        }

        /**
         * An edit appending {@code command} to the end of the script with {@code &&}: on the same line for a RUN written
         * on one line, else on a continuation line of its own written in the style of the script's last line (indented the
         * same, {@code &&} at the start of the line or at the end of the one before).
         */
        private Edit append(SourceText source, char escape, String command) {
            CommandList.Command last = list.commands().get(list.commands().size() - 1);
            int end = line.offsetAfter(last.end());
            int lastLine = lineOf(source, line.offset(last.start()));
            if (lastLine == run.line()) {
                return Edit.insert(end, " && " + command);
            }
            String written = source.line(lastLine);
            String indent = written.substring(0, written.length() - written.stripLeading().length());
            String breakLine = " " + escape + source.lineBreak() + indent;
            return written.stripLeading().startsWith("&&")
                    ? Edit.insert(end, breakLine + "&& " + command)
                    : Edit.insert(end, " &&" + breakLine + command);
        }

        private static int lineOf(SourceText source, int offset) {
            int line = 1;
            while (line < source.lineCount() && source.lineStart(line + 1) <= offset) {
                line++;
            }
            return line;
        }

        /** The package-manager calls of one command of the list, read as the rules read them. */
        List<PackageManagerCall> calls(CommandList.Command command) {
            return ShellReader.read(text(command)).packageManagerCalls();
        }

        /** The command's text as written in the script. */
        String text(CommandList.Command command) {
            return run.arguments().substring(command.start(), command.end());
        }
    }
}
