package dev.layerlint.rules.dockerfile;

import dev.layerlint.dockerfile.Dockerfile;
import dev.layerlint.dockerfile.ExpansionBudget;
import dev.layerlint.dockerfile.ExpansionLimitException;
import dev.layerlint.dockerfile.Instruction;
import dev.layerlint.dockerfile.KeyValue;
import dev.layerlint.dockerfile.Keyword;
import dev.layerlint.dockerfile.Stage;
import dev.layerlint.dockerfile.Words;
import dev.layerlint.rules.DockerfileRuleContext;
import dev.layerlint.shell.ShellReader;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ENV, SHELL and WORKDIR as they stand before each instruction of a stage, inherited along its lineage,
 * computed in one pass over the Dockerfile and shared by the rules: asking at every instruction costs about
 * as much as reading the file once, however many ENVs, RUNs and stages it has. ENV values are expanded as
 * BuildKit expands them, within an {@link ExpansionBudget}; past it (which the parser has already reported
 * as a ParseError for a file it reads), later values are kept as written.
 */
final class StageState {

    /** The ENV variables in effect just before one instruction. */
    record Env(StageState state, int stage, int index) {
        Optional<String> get(String name) {
            return state.lookup(name, stage, index);
        }
    }

    /** Where an instruction is: its stage, its index in the stage's body, and the SHELL and WORKDIR in effect. */
    private record Position(int stage, int index, List<String> shell, String workdir) {
    }

    private final LineageIndex<String> env = new LineageIndex<>();
    private final char escape;
    private final Map<Instruction, Position> positions = new IdentityHashMap<>();
    private boolean pastLimit;

    static StageState of(DockerfileRuleContext context) {
        return context.shared(StageState.class, () -> new StageState(context.dockerfile()));
    }

    private StageState(Dockerfile dockerfile) {
        List<Stage> stages = dockerfile.stages();
        escape = dockerfile.escape();
        List<List<String>> finalShell = new ArrayList<>();
        List<String> finalWorkdir = new ArrayList<>();
        ExpansionBudget budget = new ExpansionBudget();
        for (Stage stage : stages) {
            Optional<Integer> parent = stage.parentStage();
            env.enter(stage);
            List<String> shell = parent.map(finalShell::get).orElse(ShellReader.DEFAULT_SHELL);
            String workdir = parent.map(finalWorkdir::get).orElse("/");
            List<Instruction> instructions = stage.instructions();
            for (int i = 0; i < instructions.size(); i++) {
                Instruction ins = instructions.get(i);
                positions.put(ins, new Position(stage.index(), i, shell, workdir));
                if (ins.is(Keyword.SHELL)) {
                    shell = ins.args();
                } else if (ins.is(Keyword.WORKDIR) && !ins.args().isEmpty()) {
                    workdir = Stages.absolute(workdir, expand(ins.args().get(0), stage.index(), i, budget));
                } else if (ins.is(Keyword.ENV)) {
                    for (KeyValue kv : ins.pairs()) {
                        String value = expand(kv.value().orElse(""), stage.index(), i + 1, budget);
                        env.put(stage.index(), i, kv.key(), value);
                    }
                }
            }
            finalShell.add(shell);
            finalWorkdir.add(workdir);
        }
    }

    private String expand(String word, int stage, int index, ExpansionBudget budget) {
        if (pastLimit) {
            return word;
        }
        try {
            return Words.expand(word, name -> lookup(name, stage, index), escape, budget);
        } catch (ExpansionLimitException e) {
            pastLimit = true;
            return word;
        }
    }

    private Optional<String> lookup(String name, int stage, int index) {
        return env.before(stage, index, name);
    }

    /** The ENV variables in effect just before {@code at}, an instruction of a stage's body. */
    Env env(Instruction at) {
        Position p = position(at);
        return new Env(this, p.stage(), p.index());
    }

    /** The ENV variables in effect at the end of {@code stage}: what its ONBUILD triggers see in an image built FROM it. */
    Env envAtEnd(Stage stage) {
        return new Env(this, stage.index(), stage.instructions().size());
    }

    /** The index of {@code at} in its stage's body. */
    int index(Instruction at) {
        return position(at).index();
    }

    /** The SHELL in effect for {@code at}. */
    List<String> shell(Instruction at) {
        return position(at).shell();
    }

    /** The working directory in effect before {@code at} ({@code /} when no WORKDIR was set). */
    String workdir(Instruction at) {
        return position(at).workdir();
    }

    private Position position(Instruction at) {
        Position p = positions.get(at);
        if (p == null) {
            throw new IllegalArgumentException("not an instruction of a stage's body: line " + at.line());
        }
        return p;
    }
}
