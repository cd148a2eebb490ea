package dev.layerlint.rules.dockerfile;

import dev.layerlint.dockerfile.Dockerfile;
import dev.layerlint.dockerfile.Flag;
import dev.layerlint.dockerfile.Instruction;
import dev.layerlint.dockerfile.Keyword;
import dev.layerlint.dockerfile.Stage;
import dev.layerlint.report.Severity;
import dev.layerlint.rules.DockerfileRule;
import dev.layerlint.rules.DockerfileRuleContext;
import dev.layerlint.rules.RuleInfo;

import java.util.List;
import java.util.Optional;
import java.util.Set;

@RuleInfo(
        id = "WholeFilesystemCopied",
        severity = Severity.WARNING,
        summary = "COPY --from=<stage or image> / copies a whole filesystem, base image included, into one more layer.",
        description = """
                `COPY --from=build / /` copies every file of the build stage: its base image, its toolchain, \
                its caches. The files the final stage already has from its own base are stored a second \
                time, in one layer that no base-image cache can share, and the toolchain the multi-stage \
                build was meant to leave behind comes along. Copy only what the image needs \
                (`COPY --from=build /app/target/app.jar /app/`), or collect the artifacts in a stage that \
                starts `FROM scratch` and copy that one: a stage whose root is `scratch` holds only what was \
                put into it and is not reported. Any target counts (`COPY --from=build / /app` copies the \
                same files elsewhere). Only stages that end up in the image are checked.""",
        aliases = {"DL3067"})
public final class WholeFilesystemCopied implements DockerfileRule {

    private static final Set<String> ROOTS = Set.of("/", "/.", "/*", "/./");

    @Override
    public void check(DockerfileRuleContext context) {
        Dockerfile dockerfile = context.dockerfile();
        for (Stage stage : Stages.lineage(dockerfile, dockerfile.finalStage())) {
            for (Instruction copy : stage.instructions(Keyword.COPY)) {
                Optional<String> from = copy.flag("from").map(Flag::valueOrEmpty);
                if (from.isEmpty() || copy.args().size() < 2 || from.get().contains("$")) {
                    continue;
                }
                List<String> words = Sources.words(dockerfile, copy);
                List<String> sources = words.subList(0, words.size() - 1);
                Optional<Stage> source = dockerfile.stage(from.get()).filter(s -> s.index() < stage.index());
                boolean scratchStage = source.map(s -> Stages.root(dockerfile, s).base().isScratch()).orElse(false);
                if (sources.stream().anyMatch(ROOTS::contains) && !scratchStage && !from.get().equalsIgnoreCase("scratch")) {
                    String what = source.isPresent() ? "stage " + from.get() : "image " + from.get();
                    context.report(copy, "COPY --from=" + from.get() + " / copies the whole filesystem of " + what
                            + ", its base image and toolchain included, into one layer: copy only the paths the image needs, "
                            + "or collect them in a FROM scratch stage and copy that");
                }
            }
        }
    }
}
