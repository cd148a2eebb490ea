package dev.layerlint.rules.dockerfile;

import dev.layerlint.dockerfile.Dockerfile;
import dev.layerlint.dockerfile.Instruction;
import dev.layerlint.dockerfile.Keyword;
import dev.layerlint.dockerfile.Stage;
import dev.layerlint.report.ChecklistItem;
import dev.layerlint.report.Severity;
import dev.layerlint.rules.DockerfileRule;
import dev.layerlint.rules.DockerfileRuleContext;
import dev.layerlint.rules.RuleInfo;
import dev.layerlint.shell.SimpleCommand;

import java.util.List;
import java.util.Optional;

@RuleInfo(
        id = "ChownAfterCopy",
        severity = Severity.WARNING,
        checklist = ChecklistItem.CLEANUP_SAME_RUN,
        summary = "chown -R or chmod -R in a RUN after COPY of the same files: the files are stored twice.",
        description = """
                Changing the owner or mode of a file rewrites the whole file into the new layer, so \
                `COPY app/ /app` followed by `RUN chown -R app /app` stores every copied byte twice. \
                `COPY --chown=app:app` and `COPY --chmod=…` set owner and mode as the files are copied, \
                in one layer. The guide's own runtime examples fall into this: they `COPY` into /app \
                and then `chown -R appuser:appuser /app`.""",
        aliases = {})
public final class ChownAfterCopy implements DockerfileRule {

    /** The deepest directory of a destination under which a COPY is found. */
    private static final int MAX_DEPTH = 64;

    @Override
    public void check(DockerfileRuleContext context) {
        Dockerfile dockerfile = context.dockerfile();
        StageState state = StageState.of(context);
        LineageIndex<Instruction> copies = copies(dockerfile, state);
        for (RunStep step : RunStep.all(context)) {
            if (!step.inImage()) {
                continue;
            }
            for (SimpleCommand c : step.commands()) {
                if (!c.runs("chown", "chmod") || c.args().stream().noneMatch(a -> a.matches("-[a-zA-Z]*R[a-zA-Z]*|--recursive"))) {
                    continue;
                }
                String workdir = state.workdir(step.run());
                List<String> targets = c.args().stream().filter(a -> !a.startsWith("-")).skip(1)
                        .map(a -> Stages.absolute(workdir, a)).toList();
                for (String target : targets) {
                    Optional<Instruction> copy = copies.before(step.stage().index(), state.index(step.run()), target);
                    if (copy.isPresent()) {
                        context.report(step.run(), c.program() + " -R " + target + " rewrites what " + copy.get().keyword()
                                + " at line " + copy.get().line() + " copied, storing those files twice: use "
                                + copy.get().keyword() + " --" + (c.program().equals("chown") ? "chown" : "chmod") + "=… instead");
                        break;
                    }
                }
            }
        }
    }

    /**
     * Every COPY/ADD without --chown, under each directory its destination lies in (and the destination itself):
     * the last one under a path before a RUN is what a chown -R of that path rewrites. Directories deeper than
     * {@link #MAX_DEPTH} levels are not indexed.
     */
    private static LineageIndex<Instruction> copies(Dockerfile dockerfile, StageState state) {
        LineageIndex<Instruction> copies = new LineageIndex<>();
        for (Stage stage : dockerfile.stages()) {
            copies.enter(stage);
            List<Instruction> instructions = stage.instructions();
            for (int i = 0; i < instructions.size(); i++) {
                Instruction ins = instructions.get(i);
                if ((ins.is(Keyword.COPY) || ins.is(Keyword.ADD)) && ins.flag("chown").isEmpty() && ins.args().size() >= 2) {
                    String dest = Stages.absolute(state.workdir(ins), ins.args().get(ins.args().size() - 1));
                    copies.put(stage.index(), i, "/", ins);
                    int depth = 0;
                    for (int slash = dest.indexOf('/', 1); depth < MAX_DEPTH; slash = dest.indexOf('/', slash + 1), depth++) {
                        copies.put(stage.index(), i, slash < 0 ? dest : dest.substring(0, slash), ins);
                        if (slash < 0) {
                            break;
                        }
                    }
                }
            }
        }
        return copies;
    }
}
