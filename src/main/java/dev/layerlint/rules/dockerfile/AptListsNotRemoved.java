package dev.layerlint.rules.dockerfile;

import dev.layerlint.report.ChecklistItem;
import dev.layerlint.report.Severity;
import dev.layerlint.rules.DockerfileRule;
import dev.layerlint.rules.DockerfileRuleContext;
import dev.layerlint.rules.RuleInfo;
import dev.layerlint.shell.PackageManager;

@RuleInfo(
        id = "AptListsNotRemoved",
        severity = Severity.WARNING,
        checklist = ChecklistItem.CLEANUP_SAME_RUN,
        summary = "apt-get update downloads package lists that the same RUN does not remove from /var/lib/apt/lists.",
        description = """
                `apt-get update` downloads package lists into `/var/lib/apt/lists` (often 20 to 50 MB). \
                Unless the same RUN removes them (`rm -rf /var/lib/apt/lists/*`), they stay in the layer \
                forever: a later RUN cannot take them back (the finding points at the RUN that downloads them). `apt-get dist-clean` (apt 3) removes them too, \
                and a cache mount on `/var/lib/apt` (BuildKit) \
                keeps them out of the layer too. Only stages that end up in the image are checked.""",
        aliases = {"DL3009"})
public final class AptListsNotRemoved implements DockerfileRule {

    private static final String LISTS = "/var/lib/apt/lists";

    @Override
    public void check(DockerfileRuleContext context) {
        for (RunStep step : RunStep.all(context)) {
            if (!step.inImage()) {
                continue;
            }
            boolean updates = !step.calls(PackageManager.APT_GET, "update").isEmpty() || !step.calls(PackageManager.APT, "update").isEmpty();
            boolean distClean = !step.calls(PackageManager.APT_GET, "dist-clean").isEmpty()
                    || !step.calls(PackageManager.APT, "dist-clean").isEmpty();
            if (updates && !step.removes(LISTS) && !step.cacheMounted(LISTS) && !distClean) {
                context.report(step.run(), "apt package lists stay in this layer: end the RUN with "
                        + "`rm -rf /var/lib/apt/lists/*` (a later RUN cannot remove them from this layer)");
            }
        }
    }
}
