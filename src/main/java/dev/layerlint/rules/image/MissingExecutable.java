package dev.layerlint.rules.image;

import dev.layerlint.dockerfile.Keyword;
import dev.layerlint.image.FileSystemView;
import dev.layerlint.image.ImageConfig;
import dev.layerlint.report.ChecklistItem;
import dev.layerlint.report.Severity;
import dev.layerlint.rules.ImageRule;
import dev.layerlint.rules.ImageRuleContext;
import dev.layerlint.rules.RuleInfo;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

@RuleInfo(
        id = "MissingExecutable",
        severity = Severity.ERROR,
        checklist = ChecklistItem.HEALTH_CHECK,
        summary = "The HEALTHCHECK, ENTRYPOINT or exec-form CMD runs a program the image does not contain.",
        description = """
                A health check that calls `curl` in a `-slim` image that has none fails every time: the
                container is reported unhealthy, and orchestrators restart a service that works. An
                ENTRYPOINT or CMD whose program is missing fails at start. The program is looked up the way
                the engine does: a path as it is, a bare name on the image's `PATH` (the engine's default
                when the image sets none), following symbolic links, and it must be an executable file; a
                hard link is the file it links to, even when a later layer deleted that file's first name. For
                a shell-form health check (`HEALTHCHECK CMD curl -f http://localhost/`) the first word of a
                simple command is checked, besides the shell itself.""",
        aliases = {})
public final class MissingExecutable implements ImageRule {

    /** Words a shell runs itself: nothing to find in the image. */
    private static final Set<String> SHELL_BUILTINS = Set.of("exit", "test", "[", "echo", "true", "false", "exec",
            "cd", "set", "export", "command", ":", ".", "source", "if", "for", "while", "case", "!", "{", "(");
    private static final Pattern SIMPLE_WORD = Pattern.compile("[A-Za-z0-9_./+-]+");

    @Override
    public void check(ImageRuleContext context) {
        ImageConfig config = context.inspection().image().config();
        FileSystemView files = context.inspection().fileSystem();
        List<String> path = config.searchPath();
        config.healthcheck().filter(healthcheck -> !healthcheck.isDisabled()).ifPresent(healthcheck -> {
            List<String> test = healthcheck.test();
            if (test.size() >= 2 && test.get(0).equals("CMD")) {
                checkProgram(context, files, path, test.get(1), Keyword.HEALTHCHECK, "the HEALTHCHECK");
            } else if (test.size() >= 2 && test.get(0).equals("CMD-SHELL")) {
                checkProgram(context, files, path, "/bin/sh", Keyword.HEALTHCHECK, "the shell of the HEALTHCHECK");
                firstWord(test.get(1)).ifPresent(word ->
                        checkProgram(context, files, path, word, Keyword.HEALTHCHECK, "the HEALTHCHECK"));
            }
        });
        if (!config.entrypoint().isEmpty()) {
            checkProgram(context, files, path, config.entrypoint().get(0), Keyword.ENTRYPOINT, "the ENTRYPOINT");
        } else if (!config.cmd().isEmpty()) {
            checkProgram(context, files, path, config.cmd().get(0), Keyword.CMD, "the CMD");
        }
    }

    private static void checkProgram(ImageRuleContext context, FileSystemView files, List<String> path, String program,
            Keyword keyword, String what) {
        if (files.which(program, path).isEmpty()) {
            String where = program.contains("/") ? "" : " on the image's PATH (" + String.join(":", path) + ")";
            context.reportConfig(keyword, what + " runs `" + program + "`, which is not an executable file" + where
                    + "; install it in the final stage or call a program the image has");
        }
    }

    /** The program of a simple shell command, when the command starts with a plain word that is not a builtin. */
    private static Optional<String> firstWord(String command) {
        String first = command.strip().split("\\s+", 2)[0];
        if (first.isEmpty() || first.contains("=") || SHELL_BUILTINS.contains(first) || !SIMPLE_WORD.matcher(first).matches()) {
            return Optional.empty();
        }
        return Optional.of(first);
    }
}
