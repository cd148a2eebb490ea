package dev.layerlint.rules.image;

import dev.layerlint.dockerfile.Keyword;
import dev.layerlint.image.ImageConfig;
import dev.layerlint.report.ChecklistItem;
import dev.layerlint.report.Severity;
import dev.layerlint.rules.ImageRule;
import dev.layerlint.rules.ImageRuleContext;
import dev.layerlint.rules.RuleInfo;

@RuleInfo(
        id = "ImageWithoutHealthcheck",
        severity = Severity.INFO,
        checklist = ChecklistItem.HEALTH_CHECK,
        summary = "The built image exposes a port but has no health check (or `HEALTHCHECK NONE`).",
        description = """
                A service image that listens on a port should tell Docker how to see that it answers;
                without a health check `docker ps`, Compose and Swarm only know that the process runs. This
                reads the image's config, so an EXPOSE or HEALTHCHECK inherited from the base image counts.
                Where an orchestrator probes the service itself (Kubernetes), turn the rule off for the module.""",
        aliases = {})
public final class ImageWithoutHealthcheck implements ImageRule {

    @Override
    public void check(ImageRuleContext context) {
        ImageConfig config = context.inspection().image().config();
        boolean checked = config.healthcheck().map(healthcheck -> !healthcheck.isDisabled()).orElse(false);
        if (!config.exposedPorts().isEmpty() && !checked) {
            context.reportConfig(Keyword.EXPOSE, "the image exposes " + String.join(", ", config.exposedPorts())
                    + " but has no health check; add a HEALTHCHECK whose program exists in the image");
        }
    }
}
