package dev.layerlint.rules.dockerfile;

import dev.layerlint.dockerfile.Dockerfile;
import dev.layerlint.dockerfile.Flag;
import dev.layerlint.dockerfile.Instruction;
import dev.layerlint.dockerfile.Keyword;
import dev.layerlint.dockerfile.Stage;
import dev.layerlint.report.ChecklistItem;
import dev.layerlint.report.Severity;
import dev.layerlint.rules.DockerfileRule;
import dev.layerlint.rules.DockerfileRuleContext;
import dev.layerlint.rules.RuleInfo;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@RuleInfo(
        id = "UnusedStage",
        severity = Severity.INFO,
        checklist = ChecklistItem.MULTI_STAGE,
        summary = "A build stage that the final stage never uses.",
        description = """
                A stage that is neither the final stage nor used by it (through `FROM`, `COPY --from` or \
                `RUN --mount=from=`) does not contribute to the image `docker build` produces. BuildKit \
                skips it; the classic builder builds it for nothing. It is often a leftover, or a stage \
                meant for `--target` (then keep it and turn this rule off for the file with \
                `# check=skip=UnusedStage`).""",
        aliases = {})
public final class UnusedStage implements DockerfileRule {

    private static final Pattern MOUNT_FROM = Pattern.compile("(?:^|,)from=([^,]+)");

    @Override
    public void check(DockerfileRuleContext context) {
        Dockerfile dockerfile = context.dockerfile();
        Set<Integer> used = new HashSet<>();
        markUsed(dockerfile, dockerfile.finalStage(), used);
        for (Stage stage : dockerfile.stages()) {
            if (!used.contains(stage.index())) {
                context.report(stage.from(), "stage " + stage.label() + " is never used by the final stage: "
                        + "remove it, or build it on purpose with --target");
            }
        }
    }

    /** Marks the stage and every stage it uses, directly or not; a work list, so that no chain of stages can overflow the stack. */
    private static void markUsed(Dockerfile dockerfile, Stage start, Set<Integer> used) {
        Deque<Stage> pending = new ArrayDeque<>();
        pending.push(start);
        while (!pending.isEmpty()) {
            Stage stage = pending.pop();
            if (!used.add(stage.index())) {
                continue;
            }
            stage.parentStage().ifPresent(p -> pending.push(dockerfile.stages().get(p)));
            for (Instruction ins : stage.instructions()) {
                if (ins.is(Keyword.COPY)) {
                    ins.flag("from").map(Flag::valueOrEmpty).flatMap(dockerfile::stage)
                            .filter(s -> s.index() < stage.index())
                            .ifPresent(pending::push);
                }
                if (ins.is(Keyword.RUN)) {
                    for (Flag mount : ins.flags("mount")) {
                        Matcher m = MOUNT_FROM.matcher(mount.valueOrEmpty());
                        if (m.find()) {
                            dockerfile.stage(m.group(1)).filter(s -> s.index() < stage.index()).ifPresent(pending::push);
                        }
                    }
                }
            }
        }
    }
}
