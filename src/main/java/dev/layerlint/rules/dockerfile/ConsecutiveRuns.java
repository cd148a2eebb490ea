package dev.layerlint.rules.dockerfile;

import dev.layerlint.dockerfile.Instruction;
import dev.layerlint.dockerfile.Keyword;
import dev.layerlint.dockerfile.Stage;
import dev.layerlint.report.ChecklistItem;
import dev.layerlint.report.Severity;
import dev.layerlint.rules.DockerfileRule;
import dev.layerlint.rules.DockerfileRuleContext;
import dev.layerlint.rules.RuleInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

@RuleInfo(
        id = "ConsecutiveRuns",
        severity = Severity.INFO,
        checklist = ChecklistItem.COMBINE_RUNS,
        summary = "Consecutive RUN instructions that could be one RUN (one layer).",
        description = """
                Every RUN makes a layer. Consecutive RUNs with the same flags can be chained with `&&` \
                into one RUN: fewer layers, and files that a later command deletes never reach a layer \
                at all. RUNs with different `--mount`/`--network` flags are not counted together.""",
        aliases = {"DL3059"})
public final class ConsecutiveRuns implements DockerfileRule {

    @Override
    public void check(DockerfileRuleContext context) {
        for (Stage stage : context.dockerfile().stages()) {
            List<Instruction> group = new ArrayList<>();
            for (Instruction ins : stage.instructions()) {
                if (ins.is(Keyword.RUN) && (group.isEmpty() || group.get(0).flags().equals(ins.flags()))) {
                    group.add(ins);
                } else {
                    report(context, group);
                    group = new ArrayList<>();
                    if (ins.is(Keyword.RUN)) {
                        group.add(ins);
                    }
                }
            }
            report(context, group);
        }
    }

    private static void report(DockerfileRuleContext context, List<Instruction> group) {
        if (group.size() < 2) {
            return;
        }
        String lines = group.stream().map(i -> Integer.toString(i.line())).collect(Collectors.joining(", "));
        context.report(group.get(0), group.get(group.size() - 1), group.size() + " consecutive RUN instructions (lines "
                + lines + ") make " + group.size() + " layers: chain them with && into one RUN");
    }
}
