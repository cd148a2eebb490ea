package dev.layerlint.rules;

import dev.layerlint.report.Finding;

import java.util.ArrayList;
import java.util.List;

/** Runs the enabled context rules over one build context and applies the configured severities. */
public final class ContextLinter {

    private final RuleSettings settings;
    private final ContextOptions options;

    public ContextLinter(RuleSettings settings, ContextOptions options) {
        this.settings = settings;
        this.options = options;
    }

    public List<Finding> lint(ContextSubject subject) {
        List<Finding> findings = new ArrayList<>();
        for (ContextRule rule : RuleCatalog.contextRules()) {
            if (!settings.enabled(rule)) {
                continue;
            }
            ContextRuleContext context = new ContextRuleContext(subject, rule, options);
            rule.check(context);
            for (Finding f : context.findings()) {
                findings.add(settings.severityOf(f.ruleId()).map(f::withSeverity).orElse(f));
            }
        }
        findings.sort(Finding.ORDER);
        return List.copyOf(findings);
    }
}
