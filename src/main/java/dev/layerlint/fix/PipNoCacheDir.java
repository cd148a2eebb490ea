package dev.layerlint.fix;

import dev.layerlint.report.Finding;
import dev.layerlint.shell.PackageManager;

/** PipCacheKept: {@code pip install} gets {@code --no-cache-dir}, right after {@code install}. */
final class PipNoCacheDir implements Fix {

    @Override
    public String ruleId() {
        return "PipCacheKept";
    }

    @Override
    public Proposal.Change change(FixTarget target, Finding finding) throws Refused {
        FixTarget.RunScript run = target.runScript(finding.line());
        return PackageFlag.add(run, PackageManager.PIP, "install", "--no-cache-dir", "--no-cache",
                "pip install at line " + finding.line());
    }
}
