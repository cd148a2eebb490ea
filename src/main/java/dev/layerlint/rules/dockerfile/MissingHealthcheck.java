package dev.layerlint.rules.dockerfile;

import dev.layerlint.dockerfile.Dockerfile;
import dev.layerlint.dockerfile.Instruction;
import dev.layerlint.dockerfile.Keyword;
import dev.layerlint.report.ChecklistItem;
import dev.layerlint.report.Severity;
import dev.layerlint.rules.DockerfileRule;
import dev.layerlint.rules.DockerfileRuleContext;
import dev.layerlint.rules.RuleInfo;

import java.util.Optional;

@RuleInfo(
        id = "MissingHealthcheck",
        severity = Severity.INFO,
        checklist = ChecklistItem.HEALTH_CHECK,
        summary = "The final stage exposes a port but declares no HEALTHCHECK.",
        description = """
                A service that listens on a port should tell Docker how to see that it is healthy; without \
                a HEALTHCHECK, `docker ps`, Compose and Swarm only know that the process runs, not that it \
                answers. Orchestrators with their own probes (Kubernetes) ignore HEALTHCHECK: say so with \
                `HEALTHCHECK NONE`, or turn this rule off for such modules. The check's program must exist \
                in the image (a `-slim` image has no curl).""",
        aliases = {"DL3057"})
public final class MissingHealthcheck implements DockerfileRule {

    @Override
    public void check(DockerfileRuleContext context) {
        Dockerfile dockerfile = context.dockerfile();
        Optional<Instruction> expose = Stages.lastInLineage(dockerfile, dockerfile.finalStage(), Keyword.EXPOSE);
        if (expose.isEmpty() || Stages.lastInLineage(dockerfile, dockerfile.finalStage(), Keyword.HEALTHCHECK).isPresent()) {
            return;
        }
        context.report(expose.get(), "EXPOSE " + String.join(" ", expose.get().args()) + " makes this a service, but no "
                + "HEALTHCHECK says how to see that it answers: add one (or HEALTHCHECK NONE when an orchestrator probes it)");
    }
}
