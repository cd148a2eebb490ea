package dev.layerlint.rules.dockerfile;

import dev.layerlint.dockerfile.ImageRef;
import dev.layerlint.dockerfile.Stage;
import dev.layerlint.report.ChecklistItem;
import dev.layerlint.report.Severity;
import dev.layerlint.rules.DockerfileRule;
import dev.layerlint.rules.DockerfileRuleContext;
import dev.layerlint.rules.RuleInfo;

@RuleInfo(
        id = "BaseImageUnpinned",
        severity = Severity.WARNING,
        checklist = ChecklistItem.TAGGED,
        summary = "A base image without a tag, or on `latest`.",
        description = """
                `FROM python` and `FROM python:latest` build on whatever the registry serves that day: \
                builds stop being reproducible and a new major version can break them without a change \
                in the repository. Pin a specific tag (`python:3.11.6-slim`), best with its digest \
                (`python:3.11.6-slim@sha256:…`). `scratch`, earlier build stages and references that \
                come from a build argument without default are not judged.""",
        aliases = {"DL3006", "DL3007"})
public final class BaseImageUnpinned implements DockerfileRule {

    @Override
    public void check(DockerfileRuleContext context) {
        for (Stage stage : context.dockerfile().stages()) {
            ImageRef base = stage.base();
            if (stage.parentStage().isPresent() || base.isScratch() || base.text().isEmpty()
                    || base.hasUnresolvedVariable() || base.digest().isPresent()) {
                continue;
            }
            if (base.tag().isEmpty()) {
                context.report(stage.from(), "base image " + base.text() + " has no tag, so every build takes "
                        + "whatever `latest` is that day: pin a version tag such as " + base.text() + ":<version>");
            } else if (base.tag().get().equals("latest")) {
                context.report(stage.from(), "base image " + base.text() + " is on `latest`, which moves with "
                        + "every release: pin a version tag (and ideally its digest)");
            }
        }
    }
}
