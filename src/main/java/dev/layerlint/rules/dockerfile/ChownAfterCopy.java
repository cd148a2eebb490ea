package dev.layerlint.rules.dockerfile;

import dev.layerlint.dockerfile.Dockerfile;
import dev.layerlint.dockerfile.Instruction;
import dev.layerlint.dockerfile.Keyword;
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

    @Override
    public void check(DockerfileRuleContext context) {
        Dockerfile dockerfile = context.dockerfile();
        StageState state = StageState.of(context);
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
                    Optional<Instruction> copy = copiedInto(dockerfile, state, step, target);
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

    /** The last COPY/ADD before the RUN, in the stage's lineage, whose destination lies inside {@code target}. */
    private static Optional<Instruction> copiedInto(Dockerfile dockerfile, StageState state, RunStep step, String target) {
        Optional<Instruction> found = Optional.empty();
        for (var stage : Stages.lineage(dockerfile, step.stage())) {
            for (Instruction ins : stage.instructions()) {
                if (ins == step.run()) {
                    return found;
                }
                if ((ins.is(Keyword.COPY) || ins.is(Keyword.ADD)) && ins.flag("chown").isEmpty() && ins.args().size() >= 2) {
                    String dest = Stages.absolute(state.workdir(ins), ins.args().get(ins.args().size() - 1));
                    String t = target.endsWith("/") && target.length() > 1 ? target.substring(0, target.length() - 1) : target;
                    if (dest.equals(t) || dest.startsWith(t.equals("/") ? "/" : t + "/")) {
                        found = Optional.of(ins);
                    }
                }
            }
        }
        return found;
    }
}
