package dev.layerlint.rules.dockerfile;

import dev.layerlint.dockerfile.ImageRef;
import dev.layerlint.dockerfile.Stage;
import dev.layerlint.report.ChecklistItem;
import dev.layerlint.report.Severity;
import dev.layerlint.rules.DockerfileRule;
import dev.layerlint.rules.DockerfileRuleContext;
import dev.layerlint.rules.RuleInfo;

@RuleInfo(
        id = "BaseImageFloatingTag",
        severity = Severity.INFO,
        checklist = ChecklistItem.TAGGED,
        summary = "A base image tag that names a minor version (`python:3.11`), which still moves with patch releases.",
        description = """
                The checklist's ladder: `python:3` is bad (see BaseImageUnpinned), `python:3.11` is better \
                but still moves with every patch release, `python:3.11.6-slim` is good, and \
                `python:3.11.6-slim@sha256:…` (digest pinning) is best, because only a digest names the \
                exact bytes. This rule reports the middle rung: a tag with major and minor version but \
                no patch version and no digest. Where a distribution's finest version tag has two parts, \
                that tag is the good rung and is not reported: Debian's point releases (`debian:12.5-slim`) \
                and Ubuntu's releases (`ubuntu:22.04`, the same image as `ubuntu:jammy`) have no third \
                part; `alpine:3.19` does move with `3.19.x` and is reported. The suggested pin keeps the \
                registry host, and for Red Hat's images (UBI, `registry.access.redhat.com`) it has the \
                form their tags use, the version and a build number (`1.24-2`).""",
        aliases = {})
public final class BaseImageFloatingTag implements DockerfileRule {

    @Override
    public void check(DockerfileRuleContext context) {
        for (Stage stage : context.dockerfile().stages()) {
            ImageRef base = stage.base();
            if (!BaseImages.judged(stage) || base.tag().isEmpty()) {
                continue;
            }
            if (BaseImages.precision(base) == BaseImages.Precision.MINOR) {
                context.report(stage.from(), "base image " + base.text() + " floats with every patch release: pin the "
                        + "full version (e.g. " + BaseImages.patchExample(base) + ") or, best, its digest");
            }
        }
    }
}
