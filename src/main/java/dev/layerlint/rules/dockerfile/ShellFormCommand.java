package dev.layerlint.rules.dockerfile;

import dev.layerlint.dockerfile.Instruction;
import dev.layerlint.dockerfile.Keyword;
import dev.layerlint.dockerfile.Stage;
import dev.layerlint.report.Severity;
import dev.layerlint.rules.DockerfileRule;
import dev.layerlint.rules.DockerfileRuleContext;
import dev.layerlint.rules.RuleInfo;

@RuleInfo(
        id = "ShellFormCommand",
        severity = Severity.WARNING,
        summary = "CMD or ENTRYPOINT in shell form.",
        description = """
                In shell form, `CMD java -jar app.jar` runs as `/bin/sh -c` with the command as its argument: the shell \
                is PID 1 and does not pass SIGTERM on, so `docker stop` waits its full timeout and then \
                kills the service without a graceful shutdown. The JSON (exec) form runs the program \
                directly. The shell form also needs a shell in the image, which distroless images lack.""",
        aliases = {"JSONArgsRecommended", "DL3025"})
public final class ShellFormCommand implements DockerfileRule {

    private static final java.util.regex.Pattern SIMPLE = java.util.regex.Pattern.compile("[\\w./:=@%+,-]+(\\s+[\\w./:=@%+,-]+)*");

    @Override
    public void check(DockerfileRuleContext context) {
        for (Stage stage : context.dockerfile().stages()) {
            for (Instruction ins : stage.instructions()) {
                if ((ins.is(Keyword.CMD) || ins.is(Keyword.ENTRYPOINT)) && ins.shellCommand().isPresent()) {
                    String command = ins.shellCommand().get();
                    context.report(ins, ins.keyword() + " in shell form runs under /bin/sh -c, which does not forward "
                            + "SIGTERM to the program: write it in JSON form, " + ins.keyword() + " " + suggestion(command));
                }
            }
        }
    }

    /** The JSON form for a plain command; for one that needs a shell, the general shape. */
    private static String suggestion(String command) {
        if (!SIMPLE.matcher(command.strip()).matches()) {
            return "[\"program\", \"arg\", …] (exec the program at the end of a script if it needs a shell)";
        }
        StringBuilder sb = new StringBuilder("[");
        String[] words = command.strip().split("\\s+");
        for (int i = 0; i < words.length; i++) {
            sb.append(i == 0 ? "" : ", ").append('"').append(words[i]).append('"');
        }
        return sb.append(']').toString();
    }
}
