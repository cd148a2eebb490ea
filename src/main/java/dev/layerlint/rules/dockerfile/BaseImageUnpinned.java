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
        summary = "A base image without a tag, on `latest` or another moving tag (`lts`, `stable`), on a major version only "
                + "(`python:3`) or on a Debian codename (`debian:bookworm-slim`).",
        description = """
                `FROM python` and `FROM python:latest` build on whatever the registry serves that day: \
                builds stop being reproducible and a new major version can break them without a change \
                in the repository. Pin a specific tag (`python:3.11.6-slim`), best with its digest \
                (`python:3.11.6-slim@sha256:…`). A major-only tag such as `python:3` or `node:18-alpine` \
                moves across minor releases and is reported too, and so is a Debian codename \
                (`debian:bookworm-slim`), which moves across point releases as `debian:12-slim` does; pin \
                the point release (`debian:12.5-slim`) or a dated snapshot (`debian:bookworm-20240311-slim`). \
                Debian's suites (`stable`, `testing`, `sid`) and Ubuntu's `rolling` and `devel` are moving tags \
                like `latest`, and so is a tag that ends in a moving name (`jre-latest`, `21-jdk-nightly`, \
                `…-stable`, `…-current`, `…-edge`, `…-rolling`), and so is a codename alone on an image with versions of its own \
                (`python:bookworm`). The suggested pin keeps the registry host and, for Red Hat's images \
                (`registry.access.redhat.com`, `registry.redhat.io`, UBI), the `<version>-<build>` form their \
                tags use (`ubi9/openjdk-21-runtime:1.24-2`). `scratch`, earlier build stages, digests \
                and references that come from a build argument without default are not judged.""",
        aliases = {"DL3006", "DL3007"})
public final class BaseImageUnpinned implements DockerfileRule {

    @Override
    public void check(DockerfileRuleContext context) {
        for (Stage stage : context.dockerfile().stages()) {
            ImageRef base = stage.base();
            if (!BaseImages.judged(stage)) {
                continue;
            }
            if (base.tag().isEmpty()) {
                context.report(stage.from(), "base image " + base.text() + " has no tag, so every build takes "
                        + "whatever `latest` is that day: pin a version tag such as " + BaseImages.pinExample(base));
                continue;
            }
            String tag = base.tag().get();
            switch (BaseImages.precision(base)) {
                case FLOATING -> context.report(stage.from(), "base image " + base.text() + " is on `" + tag
                        + "`, which moves with every release: pin a version tag such as " + BaseImages.pinExample(base)
                        + " (and ideally its digest)");
                case CODENAME -> {
                    String codename = BaseImages.release(tag);
                    context.report(stage.from(), "base image " + base.text() + " names only the release codename `" + codename
                            + "`, so point releases change the build under you: pin the point release or a dated snapshot such as "
                            + codename + "-<yyyymmdd> (and ideally its digest)");
                }
                case MAJOR -> context.report(stage.from(), "base image " + base.text() + " names only a major version, "
                        + "so minor releases change the build under you: pin the full version (and ideally its digest)");
                default -> {
                }
            }
        }
    }
}
