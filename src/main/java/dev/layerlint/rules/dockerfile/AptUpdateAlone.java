package dev.layerlint.rules.dockerfile;

import dev.layerlint.report.ChecklistItem;
import dev.layerlint.report.Severity;
import dev.layerlint.rules.DockerfileRule;
import dev.layerlint.rules.DockerfileRuleContext;
import dev.layerlint.rules.RuleInfo;
import dev.layerlint.shell.PackageManager;

import java.util.Map;

@RuleInfo(
        id = "AptUpdateAlone",
        severity = Severity.WARNING,
        checklist = ChecklistItem.COMBINE_RUNS,
        summary = "The package index is updated in a RUN of its own, apart from the install that needs it.",
        description = """
                `RUN apt-get update` alone stores the downloaded package lists (tens of MB) as a layer of \
                their own, and the build cache keeps that layer: weeks later an `apt-get install` added \
                below it still installs from the stale index, or fails when the old package versions are \
                gone from the mirror. Update, install and remove the lists in one RUN. The same holds for \
                `aptitude update`, `apk update`, `dnf makecache`/`yum makecache` and `zypper refresh`.""",
        aliases = {})
public final class AptUpdateAlone implements DockerfileRule {

    private static final Map<PackageManager, String> UPDATE = Map.of(
            PackageManager.APT_GET, "update", PackageManager.APT, "update", PackageManager.APTITUDE, "update",
            PackageManager.APK, "update", PackageManager.DNF, "makecache", PackageManager.YUM, "makecache", PackageManager.ZYPPER, "refresh");
    private static final Map<PackageManager, String> INSTALL = Map.of(
            PackageManager.APT_GET, "install", PackageManager.APT, "install", PackageManager.APTITUDE, "install",
            PackageManager.APK, "add", PackageManager.DNF, "install", PackageManager.YUM, "install", PackageManager.ZYPPER, "install");

    @Override
    public void check(DockerfileRuleContext context) {
        for (RunStep step : RunStep.all(context)) {
            for (Map.Entry<PackageManager, String> update : UPDATE.entrySet()) {
                PackageManager manager = update.getKey();
                boolean updates = !step.calls(manager, update.getValue()).isEmpty()
                        || (manager == PackageManager.ZYPPER && !step.calls(manager, "ref").isEmpty());
                boolean installs = !step.calls(manager, INSTALL.get(manager), "upgrade", "dist-upgrade", "full-upgrade",
                        "build-dep", "source").isEmpty();
                if (updates && !installs) {
                    String command = manager.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " " + update.getValue();
                    context.report(step.run(), command + " runs in a RUN without the install that needs it: the index "
                            + "becomes a layer of its own and a cached, stale index for later RUNs; update and install in one RUN");
                }
            }
        }
    }
}
