package dev.layerlint.rules;

import dev.layerlint.dockerfile.ParseError;
import dev.layerlint.dockerfile.ParseResult;
import dev.layerlint.report.Finding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

/** Runs the enabled Dockerfile rules over one parse result and applies configuration and suppressions. */
public final class Linter {

    private final RuleSettings settings;
    private final List<DockerfileRule> enabled;
    private final ParseErrorRule parseError = (ParseErrorRule) RuleCatalog.find("ParseError").orElseThrow();

    public Linter(RuleSettings settings) {
        this.settings = settings;
        this.enabled = RuleCatalog.dockerfileRules().stream().filter(settings::enabled).toList();
    }

    public List<Finding> lint(ParseResult result) {
        List<Finding> findings = new ArrayList<>();
        if (result instanceof ParseResult.Failure failure) {
            if (settings.enabled(parseError)) {
                findings.add(configured(parseError.toFinding(failure)));
            }
        } else if (result instanceof ParseResult.Success success) {
            Suppressions suppressions = new Suppressions(success.dockerfile());
            for (ParseError later : success.dockerfile().laterErrors()) {
                Finding f = parseError.toFinding(success.path(), later);
                if (settings.enabled(parseError) && !suppressions.suppressed(f, parseError)) {
                    findings.add(configured(f));
                }
            }
            Map<Object, Object> shared = new HashMap<>();
            for (DockerfileRule rule : enabled) {
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
