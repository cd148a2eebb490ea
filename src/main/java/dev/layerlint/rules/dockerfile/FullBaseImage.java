package dev.layerlint.rules.dockerfile;

import dev.layerlint.dockerfile.Dockerfile;
import dev.layerlint.dockerfile.ImageRef;
import dev.layerlint.dockerfile.Stage;
import dev.layerlint.report.ChecklistItem;
import dev.layerlint.report.Severity;
import dev.layerlint.rules.DockerfileRule;
import dev.layerlint.rules.DockerfileRuleContext;
import dev.layerlint.rules.RuleInfo;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

@RuleInfo(
        id = "FullBaseImage",
        severity = Severity.WARNING,
        checklist = ChecklistItem.SLIM_BASE,
        summary = "The final stage runs on a full language or build image where a slim, alpine or JRE variant exists.",
        description = """
                The full `python:3.11` image is about 1 GB; `python:3.11-slim` is about 150 MB. The full \
                variants carry compilers, headers and documentation that a running service never uses, \
                and every byte is pulled on each deploy and scanned for vulnerabilities. Build tool images \
                (`maven`, `gradle`, `golang`, a JDK) belong in a builder stage: copy the artifact into a \
                JRE, slim, alpine or distroless image. Only the final stage is judged, and only images \
                layerlint knows to have a smaller variant.""",
        aliases = {})
public final class FullBaseImage implements DockerfileRule {

    /** A language image whose plain tags are the full variant, and what to use instead. */
    private record Variants(Pattern smallTag, String advice) {
    }

    private static final Pattern SLIM_ALPINE = Pattern.compile("(^|[-_.])(slim|alpine|minimal|distroless|chiseled)");
    private static final Map<String, Variants> LANGUAGE_IMAGES = Map.of(
            "python", new Variants(SLIM_ALPINE, "the -slim or -alpine variant"),
            "node", new Variants(SLIM_ALPINE, "the -slim or -alpine variant"),
            "ruby", new Variants(SLIM_ALPINE, "the -slim or -alpine variant"),
            "perl", new Variants(SLIM_ALPINE, "the -slim variant"),
            "eclipse-temurin", new Variants(Pattern.compile("(^|[-_.])(jre|alpine)"), "the -jre variant"),
            "openjdk", new Variants(Pattern.compile("(^|[-_.])(jre|slim|alpine)"),
                    "eclipse-temurin:<version>-jre (the openjdk images are deprecated)"),
            "amazoncorretto", new Variants(Pattern.compile("alpine|al2023-headless|headless"), "a -headless or -alpine variant"));
    private static final Map<String, String> BUILD_IMAGES = Map.of(
            "maven", "a JRE image such as eclipse-temurin:<version>-jre",
            "gradle", "a JRE image such as eclipse-temurin:<version>-jre",
            "golang", "scratch, distroless or alpine with the compiled binary",
            "rust", "distroless, debian-slim or alpine with the compiled binary",
            "gcc", "a slim image with the compiled binary");

    @Override
    public void check(DockerfileRuleContext context) {
        Dockerfile dockerfile = context.dockerfile();
        Stage root = Stages.root(dockerfile, dockerfile.finalStage());
        ImageRef base = root.base();
        if (base.registry().isPresent() || base.text().isEmpty() || base.hasUnresolvedVariable() || base.isScratch()) {
            return;
        }
        String tag = base.tag().orElse("latest");
        Optional<String> message = Optional.empty();
        if (BUILD_IMAGES.containsKey(base.repository())) {
            message = Optional.of("the final stage runs on the build image " + base.text() + ", which ships the whole "
                    + "toolchain: build in a first stage and copy the artifact into " + BUILD_IMAGES.get(base.repository()));
        } else if (LANGUAGE_IMAGES.containsKey(base.repository())
                && !LANGUAGE_IMAGES.get(base.repository()).smallTag().matcher(tag).find()
                && !tag.contains("windowsservercore") && !tag.contains("nanoserver")) {
            message = Optional.of("the final stage runs on the full image " + base.text() + ": use "
                    + LANGUAGE_IMAGES.get(base.repository()).advice() + ", often a fraction of the size");
        }
        message.ifPresent(m -> context.report(root.from(), m));
    }
}
