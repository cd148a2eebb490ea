package dev.layerlint.rules.dockerfile;

import dev.layerlint.report.ChecklistItem;
import dev.layerlint.report.Severity;
import dev.layerlint.rules.DockerfileRule;
import dev.layerlint.rules.DockerfileRuleContext;
import dev.layerlint.rules.RuleInfo;
import dev.layerlint.shell.Redirection;
import dev.layerlint.shell.SimpleCommand;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

@RuleInfo(
        id = "TempFilesKept",
        severity = Severity.WARNING,
        checklist = ChecklistItem.CLEANUP_SAME_RUN,
        summary = "A RUN writes files into /tmp or /var/tmp and leaves them in the layer.",
        description = """
                Downloads, archives and build trees written to `/tmp` or `/var/tmp` are as much part of \
                the layer as anything else: the directory's name does not make them temporary. Remove \
                them in the same RUN (`rm -rf /tmp/*`), stream instead of saving (`curl … | tar -x`), or \
                mount a tmpfs or cache at `/tmp` (`RUN --mount=type=tmpfs,target=/tmp`). Only files the \
                RUN names explicitly (download targets, copy and clone destinations, redirections) are \
                considered, in stages that end up in the image.""",
        aliases = {})
public final class TempFilesKept implements DockerfileRule {

    private static final Set<String> WRITERS = Set.of("curl", "wget", "git", "cp", "mv", "tar", "unzip", "mkdir", "svn", "touch");

    @Override
    public void check(DockerfileRuleContext context) {
        for (RunStep step : RunStep.withTriggers(context)) {
            if (!step.inImage()) {
                continue;
            }
            Set<String> written = new LinkedHashSet<>();
            for (SimpleCommand c : step.commands()) {
                if (WRITERS.contains(c.program())) {
                    c.args().stream().filter(TempFilesKept::temporary).forEach(written::add);
                }
                for (Redirection r : c.redirections()) {
                    if (r.operator().startsWith(">") && temporary(r.target())) {
                        written.add(r.target());
                    }
                }
            }
            List<String> kept = written.stream().map(p -> p.replaceFirst("/+$", "")).filter(p -> !step.removes(p) && !step.cacheMounted(p)).toList();
            if (!kept.isEmpty()) {
                step.report(context, "leaves " + String.join(", ", kept) + " in the layer: remove it in the same RUN "
                        + "(or stream the download, or mount a tmpfs at /tmp)");
            }
        }
    }

    private static boolean temporary(String path) {
        return (path.startsWith("/tmp/") || path.startsWith("/var/tmp/")) && path.length() > 5 && !path.contains("$");
    }
}
