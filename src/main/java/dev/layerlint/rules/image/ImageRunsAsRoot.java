package dev.layerlint.rules.image;

import dev.layerlint.dockerfile.Keyword;
import dev.layerlint.image.ImageConfig;
import dev.layerlint.report.ChecklistItem;
import dev.layerlint.report.Severity;
import dev.layerlint.rules.ImageRule;
import dev.layerlint.rules.ImageRuleContext;
import dev.layerlint.rules.RuleInfo;

@RuleInfo(
        id = "ImageRunsAsRoot",
        severity = Severity.WARNING,
        checklist = ChecklistItem.NON_ROOT,
        summary = "The built image's config runs its process as root (User unset, empty, `root`, `0` or `0:0`).",
        description = """
                The lint rule RunsAsRoot reads the Dockerfile; this one reads what was built, so it also
                catches a root user inherited from a base image, a `USER` given by a build argument, and
                images built by Jib or other tools without a Dockerfile. A process running as root turns
                any remote-code bug into root inside the container, and a container escape into root on the
                host. Set a non-root user (`USER 10001` in the final stage, Jib's `<container><user>`).""",
        aliases = {})
public final class ImageRunsAsRoot implements ImageRule {

    @Override
    public void check(ImageRuleContext context) {
        ImageConfig config = context.inspection().image().config();
        if (config.runsAsRoot()) {
            String user = config.user().filter(u -> !u.isEmpty()).map(u -> "User is `" + u + "`").orElse("no User is set");
            context.reportConfig(Keyword.USER, "the image runs as root (" + user
                    + "); switch to an unprivileged user with USER in the final stage");
        }
    }
}
