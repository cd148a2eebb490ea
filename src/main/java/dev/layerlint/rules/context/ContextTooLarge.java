package dev.layerlint.rules.context;

import dev.layerlint.budget.ByteSize;
import dev.layerlint.context.ContextScan;
import dev.layerlint.report.ChecklistItem;
import dev.layerlint.report.Severity;
import dev.layerlint.rules.ContextRule;
import dev.layerlint.rules.ContextRuleContext;
import dev.layerlint.rules.RuleInfo;

import java.util.stream.Collectors;

@RuleInfo(
        id = "ContextTooLarge",
        severity = Severity.ERROR,
        checklist = ChecklistItem.DOCKERIGNORE,
        summary = "The build context sends more than `maxContextSize`.",
        description = """
                Every build uploads the whole context to the builder before the first instruction \
                runs, so a context that has grown by accident (a database dump, a downloaded archive, \
                build output) slows every build and, through `COPY .`, every image. With \
                `maxContextSize` set (for example `50MB`), the rule fails the build when the files \
                sent add up to more, and names the largest of them (`largest`, 10 by default), which \
                are usually the ones to exclude. Without `maxContextSize` the rule does nothing.""")
public final class ContextTooLarge implements ContextRule {

    @Override
    public void check(ContextRuleContext context) {
        ContextScan scan = context.scan();
        context.options().maxContextSize().filter(limit -> scan.bytes() > limit.bytes()).ifPresent(limit ->
                context.reportOnContext("the build context sends " + SentFiles.count(scan.files(), scan.bytes())
                        + ", more than maxContextSize " + limit + (scan.largest().isEmpty() ? "" : "; largest: "
                        + scan.largest().stream().map(f -> f.path() + " (" + new ByteSize(f.bytes()) + ")")
                                .collect(Collectors.joining(", ")))));
    }
}
