package dev.layerlint.fix;

import dev.layerlint.report.Finding;
import dev.layerlint.shell.PackageManager;

/**
 * PackageCacheKept, for apk: {@code apk add} gets {@code --no-cache}, right after {@code add}, unless a later RUN
 * adds packages with the index this one leaves behind. The other package managers' caches are left to a human.
 */
final class ApkNoCache implements Fix {

    @Override
    public String ruleId() {
        return "PackageCacheKept";
    }

    @Override
    public Proposal.Change change(FixTarget target, Finding finding) throws Refused {
        if (!finding.message().startsWith("apk add ")) {
            throw new Refused("only apk's cache is fixed automatically (apk add --no-cache); clean this one by hand as the finding says");
        }
        FixTarget.RunScript run = target.runScript(finding.line());
        for (FixTarget.LaterRun later : target.runsAfter(run.run())) {
            boolean ownIndex = false;
            for (var call : later.calls()) {
                if (call.manager() != PackageManager.APK) {
                    continue;
                }
                if (call.subcommand().equals("update")) {
                    ownIndex = true;
                }
                boolean fetches = call.hasOption("--no-cache", "-U", "--update", "--update-cache");
                if (call.subcommand().equals("add") && !fetches && !ownIndex) {
                    throw new Refused("the RUN at line " + later.line() + " runs apk add without an index of its own; "
                            + "it may use the one RUN at line " + finding.line() + " leaves in /var/cache/apk");
                }
            }
        }
        return PackageFlag.add(run, PackageManager.APK, "add", "--no-cache", "--no-network",
                "apk add at line " + finding.line());
    }
}
