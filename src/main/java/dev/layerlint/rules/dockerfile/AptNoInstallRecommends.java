package dev.layerlint.rules.dockerfile;

import dev.layerlint.report.ChecklistItem;
import dev.layerlint.report.Severity;
import dev.layerlint.rules.DockerfileRule;
import dev.layerlint.rules.DockerfileRuleContext;
import dev.layerlint.rules.RuleInfo;
import dev.layerlint.shell.PackageManager;
import dev.layerlint.shell.PackageManagerCall;

import java.util.List;

@RuleInfo(
        id = "AptNoInstallRecommends",
        severity = Severity.INFO,
        checklist = ChecklistItem.NO_CACHE,
        summary = "apt-get install without --no-install-recommends also installs recommended packages.",
        description = """
                By default apt installs every package's recommendations too: documentation, optional \
                tools, sometimes a whole X11 stack. `--no-install-recommends` (or \
                `APT::Install-Recommends` set to false in apt.conf) installs what was asked for, which \
                often halves the layer. Only stages that end up in the image are checked, and `ONBUILD RUN` \
                triggers of those stages, which run in every image built FROM this one.""",
        aliases = {"DL3015"})
public final class AptNoInstallRecommends implements DockerfileRule {

    @Override
    public void check(DockerfileRuleContext context) {
        for (RunStep step : RunStep.withTriggers(context)) {
            if (!step.inImage() || configuresNoRecommends(step)) {
                continue;
            }
            List<PackageManagerCall> installs = step.calls().stream()
                    .filter(c -> (c.manager() == PackageManager.APT_GET || c.manager() == PackageManager.APT) && c.subcommand().equals("install"))
                    .filter(c -> !c.hasOption("--no-install-recommends"))
                    .filter(c -> c.optionValues("-o").stream().noneMatch(v -> v.contains("Install-Recommends")))
                    .filter(c -> !c.operands().isEmpty())
                    .toList();
            if (!installs.isEmpty()) {
                step.report(context, "apt-get install without --no-install-recommends also installs recommended "
                        + "packages: add --no-install-recommends");
            }
        }
    }

    private static boolean configuresNoRecommends(RunStep step) {
        return step.commands().stream().anyMatch(c -> String.join(" ", c.words()).contains("Install-Recommends"));
    }
}
