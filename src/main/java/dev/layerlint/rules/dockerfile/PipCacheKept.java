package dev.layerlint.rules.dockerfile;

import dev.layerlint.report.ChecklistItem;
import dev.layerlint.report.Severity;
import dev.layerlint.rules.DockerfileRule;
import dev.layerlint.rules.DockerfileRuleContext;
import dev.layerlint.rules.RuleInfo;
import dev.layerlint.shell.PackageManager;
import dev.layerlint.shell.PackageManagerCall;
import dev.layerlint.shell.SimpleCommand;

import java.util.stream.Stream;

@RuleInfo(
        id = "PipCacheKept",
        severity = Severity.WARNING,
        checklist = ChecklistItem.NO_CACHE,
        summary = "pip install without --no-cache-dir keeps pip's download cache in the layer.",
        description = """
                pip caches every wheel it downloads in `~/.cache/pip`; in an image layer that cache is \
                pure waste, often as large as the packages themselves. Use `pip install --no-cache-dir`, \
                set `PIP_NO_CACHE_DIR` (with ENV, as a prefix of the command, or with `export` earlier in \
                the RUN), mount a BuildKit cache or tmpfs at `/root/.cache/pip`, or purge the cache in the \
                same RUN after the last install (`pip cache purge`, `rm -rf /root/.cache/pip`). \
                \n\nThe rule follows pip, not folklore: pip turns the cache off for any value of \
                `PIP_NO_CACHE_DIR` it reads as a boolean, `0`, `false`, `no` and `off` included (pip keeps \
                this for compatibility), so `PIP_NO_CACHE_DIR=0` counts as set; a value that is not a \
                boolean makes pip stop with an error and is not counted. Only stages that end up in the \
                image are checked (a builder stage's cache is discarded), and `ONBUILD RUN` triggers of \
                those stages, which run in every image built FROM this one.""",
        aliases = {"DL3042"})
public final class PipCacheKept implements DockerfileRule {

    @Override
    public void check(DockerfileRuleContext context) {
        for (RunStep step : RunStep.withTriggers(context)) {
            if (!step.inImage()) {
                continue;
            }
            for (PackageManagerCall call : step.calls(PackageManager.PIP, "install")) {
                SimpleCommand pip = call.command();
                boolean avoided = call.hasOption("--no-cache-dir", "--no-cache")
                        || step.pipCacheOff(pip)
                        || step.cacheMounted("/root/.cache/pip") || step.cacheMounted("/root/.cache")
                        || Stream.of("/root/.cache/pip", "/root/.cache", "~/.cache/pip", "$HOME/.cache/pip")
                                .anyMatch(dir -> step.removesAfter(dir, pip))
                        || step.callsAfter(pip).stream().anyMatch(c -> c.manager() == PackageManager.PIP
                                && (c.subcommand().equals("cache purge") || c.subcommand().equals("cache") && c.operands().contains("purge")));
                if (!avoided) {
                    step.report(context, "pip install keeps its download cache (~/.cache/pip) in the layer: "
                            + "use pip install --no-cache-dir (or ENV PIP_NO_CACHE_DIR=1, or a cache mount)");
                    break;
                }
            }
        }
    }
}
