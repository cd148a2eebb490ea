package dev.layerlint.rules.dockerfile;

import dev.layerlint.dockerfile.Dockerfile;
import dev.layerlint.dockerfile.Flag;
import dev.layerlint.dockerfile.ImageRef;
import dev.layerlint.dockerfile.Instruction;
import dev.layerlint.dockerfile.Keyword;
import dev.layerlint.dockerfile.Stage;
import dev.layerlint.report.Severity;
import dev.layerlint.rules.DockerfileRule;
import dev.layerlint.rules.DockerfileRuleContext;
import dev.layerlint.rules.RuleInfo;
import dev.layerlint.rules.RuleOptions;
import dev.layerlint.dockerfile.Words;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@RuleInfo(
        id = "UntrustedBaseImage",
        severity = Severity.WARNING,
        summary = "An image from a registry that is not in `trustedRegistries`, or a base image not in `allowedBaseImages`.",
        description = """
                Organisations that mirror or vet base images list where images may come from. With \
                `<trustedRegistries>` set (or hadolint's `trustedRegistries` in `.hadolint.yaml`), an image \
                on any other registry is reported: the base image of a FROM, and the images a build reads \
                files from, `COPY --from=<image>` and `RUN --mount=…,from=<image>` (a name of an earlier \
                stage is not an image). Docker Hub counts as `docker.io`. Entries may be wildcards, as \
                hadolint reads them: `*.example.com` trusts every host under example.com, `registry.*` every \
                host that starts so, `*` any registry. With `<allowedBaseImages>` set (globs such as \
                `eclipse-temurin:*-jre*`), a base image that matches none is reported. With neither set, the \
                rule is quiet. The examples below assume \
                `<trustedRegistries><registry>registry.example.com</registry></trustedRegistries>`.""",
        aliases = {"DL3026"})
public final class UntrustedBaseImage implements DockerfileRule {

    @Override
    public void check(DockerfileRuleContext context) {
        RuleOptions options = context.options();
        Dockerfile dockerfile = context.dockerfile();
        for (Stage stage : dockerfile.stages()) {
            ImageRef base = stage.base();
            if (stage.parentStage().isEmpty() && !base.isScratch() && !base.text().isEmpty() && !base.hasUnresolvedVariable()) {
                if (!trusted(options, base)) {
                    context.report(stage.from(), "base image " + untrusted(options, base));
                } else if (!options.allowedBaseImages().isEmpty() && !options.allowsBaseImage(base)) {
                    context.report(stage.from(), "base image " + base.text() + " matches none of the allowed base images ("
                            + String.join(", ", options.allowedBaseImages()) + ")");
                }
            }
            for (Instruction ins : stage.instructions()) {
                for (String source : imageSources(dockerfile, stage, ins)) {
                    ImageRef image = ImageRef.parse(source);
                    if (!image.isScratch() && !trusted(options, image)) {
                        context.report(ins, (ins.is(Keyword.COPY) ? "COPY --from image " : "RUN --mount from image ")
                                + untrusted(options, image));
                    }
                }
            }
        }
    }

    private static boolean trusted(RuleOptions options, ImageRef image) {
        return options.trustsRegistry(image.registry().orElse("docker.io"));
    }

    private static String untrusted(RuleOptions options, ImageRef image) {
        return image.text() + " comes from " + image.registry().orElse("docker.io") + ", which is not a trusted registry ("
                + String.join(", ", options.trustedRegistries()) + ")";
    }

    /** The images (not stages) that a COPY or RUN of the stage reads files from, with global ARGs expanded. */
    private static List<String> imageSources(Dockerfile dockerfile, Stage stage, Instruction ins) {
        List<String> from = new ArrayList<>();
        if (ins.is(Keyword.COPY)) {
            ins.flag("from").map(Flag::valueOrEmpty).ifPresent(from::add);
        } else if (ins.is(Keyword.RUN)) {
            for (Flag mount : ins.flags("mount")) {
                for (String option : mount.valueOrEmpty().split(",")) {
                    String[] kv = option.split("=", 2);
                    if (kv.length == 2 && kv[0].strip().equalsIgnoreCase("from")) {
                        from.add(kv[1].strip());
                    }
                }
            }
        }
        Map<String, String> globals = new HashMap<>();
        for (Instruction arg : dockerfile.globalArgs()) {
            arg.pairs().forEach(kv -> kv.value().ifPresent(v -> globals.put(kv.key(), Words.expand(v, globals, dockerfile.escape()))));
        }
        return from.stream().map(f -> Words.expand(f, globals, dockerfile.escape()))
                .filter(f -> !f.isEmpty() && !f.contains("$"))
                .filter(f -> dockerfile.stage(f).filter(s -> s.index() < stage.index()).isEmpty())
                .toList();
    }
}
