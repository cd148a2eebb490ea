package dev.layerlint.fix;

import dev.layerlint.report.Finding;
import dev.layerlint.shell.PackageManager;
import dev.layerlint.shell.PackageManagerCall;

import java.util.Set;

/**
 * AptListsNotRemoved: a RUN that is a plain {@code &&} chain ends with {@code && rm -rf /var/lib/apt/lists/*}, unless a
 * later RUN installs with apt without downloading the lists itself.
 */
final class AptListsRemoval implements Fix {

    static final String REMOVE_LISTS = "rm -rf /var/lib/apt/lists/*";
    private static final Set<PackageManager> APT = Set.of(PackageManager.APT_GET, PackageManager.APT, PackageManager.APTITUDE);
    /** Subcommands that read the package lists. */
    private static final Set<String> NEEDS_LISTS = Set.of("install", "reinstall", "build-dep", "upgrade", "dist-upgrade",
            "full-upgrade", "source", "download", "satisfy");

    @Override
    public String ruleId() {
        return "AptListsNotRemoved";
    }

    @Override
    public Proposal.Change change(FixTarget target, Finding finding) throws Refused {
        FixTarget.RunScript run = target.runScript(finding.line());
        for (FixTarget.LaterRun later : target.runsAfter(run.run())) {
            for (PackageManagerCall call : later.calls()) {
                if (!APT.contains(call.manager())) {
                    continue;
                }
                if (call.subcommand().equals("update")) {
                    break;
                }
                if (NEEDS_LISTS.contains(call.subcommand())) {
                    throw new Refused("the RUN at line " + later.line() + " runs " + call.command().program() + " "
                            + call.subcommand() + " without updating the lists first: it needs the lists RUN at line "
                            + finding.line() + " downloads");
                }
            }
        }
        return new Proposal.Change(java.util.List.of(run.appendToChain(target.source(), target.dockerfile().escape(),
                run.lastCommand(), REMOVE_LISTS)),
                "ended the RUN with " + REMOVE_LISTS);
    }
}
