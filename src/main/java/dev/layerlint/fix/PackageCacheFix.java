package dev.layerlint.fix;

import dev.layerlint.report.Finding;
import dev.layerlint.shell.CommandList;
import dev.layerlint.shell.PackageManager;
import dev.layerlint.shell.PackageManagerCall;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PackageCacheKept: {@code apk add} gets {@code --no-cache} right after {@code add}; dnf, yum, microdnf, zypper, npm
 * and yarn get their clean command ({@code dnf clean all}, {@code zypper clean --all}, {@code npm cache clean --force},
 * {@code yarn cache clean}) right after the RUN's last command that runs them, while the tool is surely still there (a
 * later {@code apk del} may remove it). Not when a later RUN would use what the cache keeps:
 * an {@code apk add} without an index of its own, an npm or yarn install {@code --offline}. gem documentation and uv's
 * cache are left: their flags change what is installed or how uv runs, and apt's downloaded packages depend on a hook
 * the Dockerfile turned off.
 */
final class PackageCacheFix implements Fix {

    /** The clean command by the finding message's first word (the program that ran). */
    private static final Map<String, String> CLEANS = Map.of("dnf", "dnf clean all", "dnf5", "dnf5 clean all",
            "yum", "yum clean all", "microdnf", "microdnf clean all", "zypper", "zypper clean --all",
            "npm", "npm cache clean --force", "yarn", "yarn cache clean");
    private static final Set<PackageManager> OFFLINE_CACHES = Set.of(PackageManager.NPM, PackageManager.YARN);

    @Override
    public String ruleId() {
        return "PackageCacheKept";
    }

    @Override
    public Proposal.Change change(FixTarget target, Finding finding) throws Refused {
        String program = finding.message().substring(0, Math.max(0, finding.message().indexOf(' ')));
        if (program.equals("apk")) {
            return apk(target, finding);
        }
        String clean = CLEANS.get(program);
        if (clean == null) {
            throw new Refused("the cache of " + (program.isEmpty() ? "this command" : program)
                    + " is not cleaned automatically (a flag that changes what is installed, or a hook the Dockerfile turned off); "
                    + "clean it by hand as the finding says");
        }
        FixTarget.RunScript run = target.runScript(finding.line());
        PackageManager manager = PackageManager.ofProgram(program).orElseThrow(() -> new Refused("unknown program " + program));
        if (OFFLINE_CACHES.contains(manager)) {
            for (FixTarget.LaterRun later : target.runsAfter(run.run())) {
                for (PackageManagerCall call : later.calls()) {
                    if (call.manager() == manager && call.hasOption("--offline")) {
                        throw new Refused("the RUN at line " + later.line() + " runs " + program + " --offline, which may need the cache "
                                + "RUN at line " + finding.line() + " leaves");
                    }
                }
            }
        }
        CommandList.Command last = null;
        for (CommandList.Command command : run.list().commands()) {
            if (run.calls(command).stream().anyMatch(call -> call.manager() == manager)) {
                last = command;
            }
        }
        if (last == null) {
            throw new Refused(program + " at line " + finding.line() + " is not a command of the RUN's own list; clean its cache by hand");
        }
        return new Proposal.Change(List.of(run.appendToChain(target.source(), target.dockerfile().escape(), last, clean)),
                "ran " + clean + " after the last " + program + " command");
    }

    private static Proposal.Change apk(FixTarget target, Finding finding) throws Refused {
        FixTarget.RunScript run = target.runScript(finding.line());
        for (FixTarget.LaterRun later : target.runsAfter(run.run())) {
            boolean ownIndex = false;
            for (PackageManagerCall call : later.calls()) {
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
