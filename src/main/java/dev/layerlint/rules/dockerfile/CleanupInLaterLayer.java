package dev.layerlint.rules.dockerfile;

import dev.layerlint.report.ChecklistItem;
import dev.layerlint.report.Severity;
import dev.layerlint.rules.DockerfileRule;
import dev.layerlint.rules.DockerfileRuleContext;
import dev.layerlint.rules.RuleInfo;
import dev.layerlint.shell.PackageManagerCall;
import dev.layerlint.shell.SimpleCommand;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

@RuleInfo(
        id = "CleanupInLaterLayer",
        severity = Severity.WARNING,
        checklist = ChecklistItem.CLEANUP_SAME_RUN,
        summary = "A RUN that only cleans up (rm -rf, apt-get clean, cache purge) after earlier layers: it saves nothing.",
        description = """
                Layers only add: a RUN that deletes files made by an earlier instruction (or shipped by \
                the base image) hides them from \
                the final file system, but their bytes stay in the earlier layer and are pulled with every \
                deploy. The guide's example: `RUN apt-get update`, `RUN apt-get install …`, \
                `RUN rm -rf /var/lib/apt/lists/*` is 150 MB where one chained RUN is 100 MB. Do the \
                cleanup in the RUN that creates the files, or build in a separate stage.""",
        aliases = {})
public final class CleanupInLaterLayer implements DockerfileRule {

    private static final Set<String> NEUTRAL = Set.of("set", "true", ":", "echo", "cd");

    @Override
    public void check(DockerfileRuleContext context) {
        for (RunStep step : RunStep.all(context)) {
            List<SimpleCommand> commands = step.commands();
            if (!step.inImage() || step.unreadable()) {
                continue;
            }
            Map<SimpleCommand, PackageManagerCall> firstCall = new IdentityHashMap<>();
            for (PackageManagerCall call : step.calls()) {
                firstCall.putIfAbsent(call.command(), call);
            }
            boolean cleans = false;
            boolean onlyCleanup = !commands.isEmpty();
            for (SimpleCommand c : commands) {
                if (isCleanup(c, Optional.ofNullable(firstCall.get(c)))) {
                    cleans = true;
                } else if (!NEUTRAL.contains(c.program()) || !c.redirections().isEmpty()) {
                    onlyCleanup = false;
                }
            }
            if (cleans && onlyCleanup) {
                context.report(step.run(), "this RUN only deletes files that earlier layers made: their bytes stay in "
                        + "those layers, so it saves nothing; move the cleanup into the RUN that creates the files");
            }
        }
    }

    private static boolean isCleanup(SimpleCommand command, Optional<PackageManagerCall> managerCall) {
        if (command.runs("rm")) {
            return true;
        }
        if (command.runs("find")) {
            return command.args().contains("-delete") || command.args().contains("rm");
        }
        return managerCall.filter(call -> {
            String sub = call.subcommand();
            return sub.equals("clean") || sub.equals("autoclean") || sub.equals("autoremove") || sub.startsWith("cache")
                    || sub.equals("purge") || sub.equals("remove") && !call.operands().isEmpty() || sub.equals("del");
        }).isPresent();
    }
}
