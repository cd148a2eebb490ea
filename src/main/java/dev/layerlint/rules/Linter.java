package dev.layerlint.rules;

import dev.layerlint.dockerfile.ParseResult;
import dev.layerlint.report.Finding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

/** Runs the enabled Dockerfile rules over one parse result and applies configuration and suppressions. */
public final class Linter {

    private final RuleSettings settings;

    public Linter(RuleSettings settings) {
        this.settings = settings;
    }

    public List<Finding> lint(ParseResult result) {
        List<Finding> findings = new ArrayList<>();
        if (result instanceof ParseResult.Failure failure) {
            ParseErrorRule rule = (ParseErrorRule) RuleCatalog.find("ParseError").orElseThrow();
            if (settings.enabled(rule)) {
                findings.add(configured(rule.toFinding(failure)));
            }
        } else if (result instanceof ParseResult.Success success) {
            Suppressions suppressions = new Suppressions(success.dockerfile());
            Map<Object, Object> shared = new HashMap<>();
            for (DockerfileRule rule : RuleCatalog.dockerfileRules()) {
                if (!settings.enabled(rule)) {
                    continue;
                }
                DockerfileRuleContext context = new DockerfileRuleContext(success.dockerfile(), rule, settings.options(), shared);
                rule.check(context);
                for (Finding f : context.findings()) {
                    if (!suppressions.suppressed(f, rule)) {
                        findings.add(configured(f));
                    }
                }
            }
        }
        findings.sort(Finding.ORDER);
        return List.copyOf(findings);
    }

    private Finding configured(Finding f) {
        return settings.severityOf(f.ruleId()).map(f::withSeverity).orElse(f);
    }
}
