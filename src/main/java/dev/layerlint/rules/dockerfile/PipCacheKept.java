package dev.layerlint.rules.dockerfile;

import dev.layerlint.report.ChecklistItem;
import dev.layerlint.report.Severity;
import dev.layerlint.rules.DockerfileRule;
import dev.layerlint.rules.DockerfileRuleContext;
import dev.layerlint.rules.RuleInfo;
import dev.layerlint.shell.PackageManager;
import dev.layerlint.shell.PackageManagerCall;

@RuleInfo(
        id = "PipCacheKept",
        severity = Severity.WARNING,
        checklist = ChecklistItem.NO_CACHE,
        summary = "pip install without --no-cache-dir keeps pip's download cache in the layer.",
        description = """
                pip caches every wheel it downloads in `~/.cache/pip`; in an image layer that cache is \
                pure waste, often as large as the packages themselves. Use `pip install --no-cache-dir`, \
                set `ENV PIP_NO_CACHE_DIR=1`, mount a BuildKit cache at `/root/.cache/pip`, or purge the \
                cache in the same RUN (`pip cache purge`, `rm -rf /root/.cache/pip`). Only stages that \
                end up in the image are checked: a builder stage's cache is discarded.""",
        aliases = {"DL3042"})
public final class PipCacheKept implements DockerfileRule {

    @Override
    public void check(DockerfileRuleContext context) {
        for (RunStep step : RunStep.all(context)) {
            if (!step.inImage()) {
                continue;
            }
            for (PackageManagerCall call : step.calls(PackageManager.PIP, "install")) {
                boolean avoided = call.hasOption("--no-cache-dir", "--no-cache")
                        || step.flagSet("PIP_NO_CACHE_DIR", call.command())
                        || step.cacheMounted("/root/.cache/pip") || step.cacheMounted("/root/.cache")
                        || step.removes("/root/.cache/pip") || step.removes("/root/.cache") || step.removes("~/.cache/pip")
                        || step.removes("$HOME/.cache/pip")
                        || !step.calls(PackageManager.PIP, "cache purge").isEmpty()
                        || step.calls(PackageManager.PIP, "cache").stream().anyMatch(c -> c.operands().contains("purge"));
                if (!avoided) {
                    context.report(step.run(), "pip install keeps its download cache (~/.cache/pip) in the layer: "
                            + "use pip install --no-cache-dir (or ENV PIP_NO_CACHE_DIR=1, or a cache mount)");
                    break;
                }
            }
        }
    }
}
