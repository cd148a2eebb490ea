package dev.layerlint.rules.dockerfile;

import dev.layerlint.dockerfile.Instruction;
import dev.layerlint.dockerfile.Keyword;
import dev.layerlint.report.ChecklistItem;
import dev.layerlint.report.Severity;
import dev.layerlint.rules.DockerfileRule;
import dev.layerlint.rules.DockerfileRuleContext;
import dev.layerlint.rules.RuleInfo;

@RuleInfo(
        id = "AddForDownload",
        severity = Severity.WARNING,
        checklist = ChecklistItem.CLEANUP_SAME_RUN,
        summary = "ADD downloads a URL into a layer of its own, where it stays even after a later RUN unpacks or deletes it.",
        description = """
                `ADD https://…/tool.tar.gz /tmp/` stores the download in its own layer. The RUN that then \
                unpacks it and removes the archive cannot take those bytes back: they stay in the earlier \
                layer, exactly like cleanup in a later RUN. Download, use and remove the file in one RUN \
                (`curl -fsSL … | tar -xz -C /opt`), or use a multi-stage build. Git repositories (`ADD \
                https://github.com/org/repo.git`) are not reported.""",
        aliases = {})
public final class AddForDownload implements DockerfileRule {

    @Override
    public void check(DockerfileRuleContext context) {
        for (Instruction ins : context.dockerfile().instructions()) {
            Instruction add = ins.trigger().orElse(ins);
            if (!add.is(Keyword.ADD)) {
                continue;
            }
            for (String source : add.args().subList(0, add.args().size() - 1)) {
                if (Sources.isRemote(source) && !Sources.isGit(source)) {
                    context.report(ins, RunStep.inTrigger(ins, "ADD " + source + " keeps the download in its own layer, even if a later RUN "
                            + "deletes it: fetch, use and remove it in one RUN (curl … | tar -x), or download in a builder stage"));
                }
            }
        }
    }
}
