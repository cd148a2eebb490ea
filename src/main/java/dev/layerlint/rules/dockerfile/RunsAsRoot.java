package dev.layerlint.rules.dockerfile;

import dev.layerlint.dockerfile.Dockerfile;
import dev.layerlint.dockerfile.ImageRef;
import dev.layerlint.dockerfile.Instruction;
import dev.layerlint.dockerfile.Keyword;
import dev.layerlint.dockerfile.Stage;
import dev.layerlint.report.ChecklistItem;
import dev.layerlint.report.Severity;
import dev.layerlint.rules.DockerfileRule;
import dev.layerlint.rules.DockerfileRuleContext;
import dev.layerlint.rules.RuleInfo;

import java.util.Optional;
import java.util.Set;

@RuleInfo(
        id = "RunsAsRoot",
        severity = Severity.WARNING,
        checklist = ChecklistItem.NON_ROOT,
        summary = "The final stage runs as root: no USER, or USER root last.",
        description = """
                A container whose process runs as root turns any remote-code bug in the service into root \
                inside the container, and a container escape into root on the host. Create a user and \
                switch to it with `USER` in the final stage. A numeric non-zero user (`USER 10001`) and \
                base images that already run unprivileged (tags such as distroless `:nonroot`) are fine; \
                a `USER` given by a variable is not judged.""",
        aliases = {"DL3002"})
public final class RunsAsRoot implements DockerfileRule {

    private static final Set<String> ROOT = Set.of("root", "0");

    @Override
    public void check(DockerfileRuleContext context) {
        Dockerfile dockerfile = context.dockerfile();
        Stage last = dockerfile.finalStage();
        Optional<Instruction> user = Stages.lastInLineage(dockerfile, last, Keyword.USER);
        if (user.isPresent()) {
            String value = user.get().args().get(0).strip();
            String name = value.split(":", 2)[0];
            if (ROOT.contains(name)) {
                context.report(user.get(), "USER " + value + " is the last USER of the final stage, so the container "
                        + "runs as root: switch to an unprivileged user after the steps that need root");
            }
            return;
        }
        ImageRef base = Stages.root(dockerfile, last).base();
        if (base.hasUnresolvedVariable() || base.text().isEmpty() || runsUnprivileged(base)) {
            return;
        }
        context.report(last.from(), "the final stage (FROM " + base.text() + ") never sets USER, so the container "
                + "runs as root: add a user and `USER` it before CMD/ENTRYPOINT");
    }

    private static boolean runsUnprivileged(ImageRef base) {
        String tag = base.tag().orElse("");
        return tag.contains("nonroot") || tag.contains("rootless");
    }
}
