package dev.layerlint.rules.dockerfile;

import dev.layerlint.report.ChecklistItem;
import dev.layerlint.report.Severity;
import dev.layerlint.rules.DockerfileRule;
import dev.layerlint.rules.DockerfileRuleContext;
import dev.layerlint.rules.RuleInfo;
import dev.layerlint.shell.PackageManager;
import dev.layerlint.shell.PackageManagerCall;
import dev.layerlint.shell.SimpleCommand;

import java.util.List;

@RuleInfo(
        id = "AptListsNotRemoved",
        severity = Severity.WARNING,
        checklist = ChecklistItem.CLEANUP_SAME_RUN,
        summary = "apt-get update downloads package lists that the same RUN does not remove from /var/lib/apt/lists.",
        description = """
                `apt-get update` (or `apt update`, `aptitude update`) downloads package lists into \
                `/var/lib/apt/lists` (often 20 to 50 MB). Unless the same RUN removes them after the last \
                update (`rm -rf /var/lib/apt/lists/*`, not in an `if` branch or after `||`), they stay in the \
                layer forever: a later RUN cannot take them back (the finding points at the RUN that downloads \
                them). `apt-get dist-clean` (apt 3) removes them too, and a cache or tmpfs mount on \
                `/var/lib/apt` (BuildKit) keeps them out of the layer. Only stages that end up in the image \
                are checked, and `ONBUILD RUN` triggers of those stages, which run in every image built FROM \
                this one.""",
        aliases = {"DL3009"})
public final class AptListsNotRemoved implements DockerfileRule {

    private static final String LISTS = "/var/lib/apt/lists";
    private static final List<PackageManager> APT = List.of(PackageManager.APT_GET, PackageManager.APT, PackageManager.APTITUDE);

    @Override
    public void check(DockerfileRuleContext context) {
        for (RunStep step : RunStep.withTriggers(context)) {
            List<PackageManagerCall> updates = step.calls().stream()
                    .filter(c -> APT.contains(c.manager()) && c.subcommand().equals("update")).toList();
            if (!step.inImage() || updates.isEmpty() || step.cacheMounted(LISTS)) {
                continue;
            }
            SimpleCommand last = updates.get(updates.size() - 1).command();
            boolean distClean = step.callsAfter(last).stream()
                    .anyMatch(c -> APT.contains(c.manager()) && c.subcommand().equals("dist-clean"));
            if (!step.removesAfter(LISTS, last) && !distClean) {
                step.report(context, "apt package lists stay in this layer: end the RUN with "
                        + "`rm -rf /var/lib/apt/lists/*` (a later RUN cannot remove them from this layer)");
            }
        }
    }
}
