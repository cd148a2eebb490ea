package dev.layerlint.rules.dockerfile;

import dev.layerlint.dockerfile.Dockerfile;
import dev.layerlint.dockerfile.Flag;
import dev.layerlint.dockerfile.Instruction;
import dev.layerlint.dockerfile.Keyword;
import dev.layerlint.dockerfile.Stage;
import dev.layerlint.dockerfile.Words;
import dev.layerlint.report.Severity;
import dev.layerlint.rules.DockerfileRule;
import dev.layerlint.rules.DockerfileRuleContext;
import dev.layerlint.rules.RuleInfo;

import java.util.Map;
import java.util.Optional;

@RuleInfo(
        id = "CopyFromUnknownStage",
        severity = Severity.ERROR,
        summary = "COPY --from names a stage that does not exist (yet), so Docker tries to pull an image of that name.",
        description = """
                `COPY --from=name` takes files from an earlier stage; when no earlier stage has that name \
                or index, Docker treats the name as an image and tries to pull it: a typo (`--from=biuld`) \
                fails the build with a confusing registry error, or silently copies from a public image \
                that happens to have the name. Stages can only be used after they are defined. Names that \
                look like image references (with `/`, `:`, `@` or `.`) are taken as images and not reported.""",
        aliases = {"DL3022", "DL3023"})
public final class CopyFromUnknownStage implements DockerfileRule {

    @Override
    public void check(DockerfileRuleContext context) {
        Dockerfile dockerfile = context.dockerfile();
        for (Stage stage : dockerfile.stages()) {
            for (Instruction ins : stage.instructions()) {
                Instruction copy = ins.trigger().orElse(ins);
                if (!copy.is(Keyword.COPY) || ins.is(Keyword.ONBUILD)) {
                    continue;
                }
                Optional<String> from = copy.flag("from").map(Flag::valueOrEmpty)
                        .map(v -> Words.expand(v, Map.of(), dockerfile.escape()));
                if (from.isEmpty() || from.get().isEmpty() || from.get().contains("$") || looksLikeImage(from.get())) {
                    continue;
                }
                Optional<Stage> target = dockerfile.stage(from.get());
                if (target.isPresent() && target.get().index() == stage.index()) {
                    context.report(ins, "COPY --from=" + from.get() + " names the stage it is in: a stage cannot copy from itself");
                } else if (target.isEmpty() || target.get().index() > stage.index()) {
                    context.report(ins, "COPY --from=" + from.get() + " names no earlier stage"
                            + (target.isPresent() ? " (that stage comes later)" : "")
                            + ", so Docker will try to pull an image called " + from.get() + ": check the stage name");
                }
            }
        }
    }

    private static boolean looksLikeImage(String value) {
        return value.contains("/") || value.contains(":") || value.contains("@") || value.contains(".");
    }
}
