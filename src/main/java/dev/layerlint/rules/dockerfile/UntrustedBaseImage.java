package dev.layerlint.rules.dockerfile;

import dev.layerlint.dockerfile.ImageRef;
import dev.layerlint.dockerfile.Stage;
import dev.layerlint.report.Severity;
import dev.layerlint.rules.DockerfileRule;
import dev.layerlint.rules.DockerfileRuleContext;
import dev.layerlint.rules.RuleInfo;
import dev.layerlint.rules.RuleOptions;

@RuleInfo(
        id = "UntrustedBaseImage",
        severity = Severity.WARNING,
        summary = "A base image from a registry that is not in `trustedRegistries`, or not in `allowedBaseImages`.",
        description = """
                Organisations that mirror or vet base images list where images may come from. With \
                `<trustedRegistries>` set (or hadolint's `trustedRegistries` in `.hadolint.yaml`), a FROM \
                on any other registry is reported; Docker Hub counts as `docker.io`. With \
                `<allowedBaseImages>` set (globs such as `eclipse-temurin:*-jre*`), a base image that \
                matches none is reported. With neither set, the rule is quiet. The examples below assume \
                `<trustedRegistries><registry>registry.example.com</registry></trustedRegistries>`.""",
        aliases = {"DL3026"})
public final class UntrustedBaseImage implements DockerfileRule {

    @Override
    public void check(DockerfileRuleContext context) {
        RuleOptions options = context.options();
        for (Stage stage : context.dockerfile().stages()) {
            ImageRef base = stage.base();
            if (stage.parentStage().isPresent() || base.isScratch() || base.text().isEmpty() || base.hasUnresolvedVariable()) {
                continue;
            }
            String registry = base.registry().orElse("docker.io");
            if (!options.trustedRegistries().isEmpty() && !options.trustedRegistries().contains(registry)) {
                context.report(stage.from(), "base image " + base.text() + " comes from " + registry
                        + ", which is not a trusted registry (" + String.join(", ", options.trustedRegistries()) + ")");
            } else if (!options.allowedBaseImages().isEmpty() && !options.allowsBaseImage(base)) {
                context.report(stage.from(), "base image " + base.text() + " matches none of the allowed base images ("
                        + String.join(", ", options.allowedBaseImages()) + ")");
            }
        }
    }
}
