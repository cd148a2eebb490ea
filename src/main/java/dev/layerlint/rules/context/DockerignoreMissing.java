package dev.layerlint.rules.context;

import dev.layerlint.report.ChecklistItem;
import dev.layerlint.report.Severity;
import dev.layerlint.rules.ContextRule;
import dev.layerlint.rules.ContextRuleContext;
import dev.layerlint.rules.RuleInfo;

@RuleInfo(
        id = "DockerignoreMissing",
        severity = Severity.WARNING,
        checklist = ChecklistItem.DOCKERIGNORE,
        summary = "`COPY .` copies the whole build context, and no `.dockerignore` limits it.",
        description = """
                Without an ignore file `docker build` sends every file under the context directory to \
                the builder, and `COPY . /app` puts all of them in the image: the Git history, IDE \
                settings, build output, local configuration and whatever else lies around. The image \
                grows, its layer cache breaks whenever any of those files changes, and secrets end up \
                in a layer. A `.dockerignore` beside the Dockerfile (or `<Dockerfile>.dockerignore` with \
                BuildKit) keeps the context to what the image needs. The finding names the COPY and \
                how many files and bytes it copies now.""")
public final class DockerignoreMissing implements ContextRule {

    @Override
    public void check(ContextRuleContext context) {
        if (context.scan().ignoreFile().isPresent()) {
            return;
        }
        ContextCopies.of(context.dockerfile()).wholesale().ifPresent(copy -> context.report(copy.instruction(),
                "there is no .dockerignore, so " + copy.shown() + " copies the whole build context, "
                        + SentFiles.count(context.scan().files(), context.scan().bytes())
                        + ": add a .dockerignore that leaves out what the image does not need"));
    }
}
