package dev.layerlint.rules.dockerfile;

import dev.layerlint.report.Severity;
import dev.layerlint.rules.DockerfileRule;
import dev.layerlint.rules.DockerfileRuleContext;
import dev.layerlint.rules.RuleInfo;

@RuleInfo(
        id = "ExpansionTooLarge",
        severity = Severity.WARNING,
        summary = "An ENV or WORKDIR value whose variables expand past what layerlint expands (1 MiB a value).",
        description = """
                Each `ENV` value may use the variables set before it, so a chain such as \
                `ENV A1=$A0$A0`, `ENV A2=$A1$A1`, … doubles a value at every line: forty lines make a value \
                of a thousand billion characters, more than any build can hold. layerlint expands one value \
                to at most 1,048,576 characters, and all the values of a Dockerfile to at most 16,777,216 \
                together (ARGs before the first `FROM` past these limits are a parse error). From the \
                instruction this rule names on, values are kept as written, so rules that look at the \
                environment may miss something. Build such a value in a RUN, or in a file that you COPY.""",
        aliases = {})
public final class ExpansionTooLarge implements DockerfileRule {

    @Override
    public void check(DockerfileRuleContext context) {
        StageState.of(context).expansionLimit().ifPresent(limit -> context.report(limit.at(),
                limit.message() + ", the most layerlint expands (see docs/limits.md): values from here on are "
                        + "kept as written"));
    }
}
