package dev.layerlint.rules;

import dev.layerlint.report.Finding;

import java.util.ArrayList;
import java.util.List;

/** Runs the enabled image rules over an inspected image and applies configuration and in-file suppressions. */
public final class ImageChecker {

    private final RuleSettings settings;

    public ImageChecker(RuleSettings settings) {
        this.settings = settings;
    }

    public List<Finding> check(ImageInspection inspection) {
        List<Finding> findings = new ArrayList<>();
        Suppressions suppressions = inspection.dockerfile().map(Suppressions::new).orElse(null);
        for (ImageRule rule : RuleCatalog.imageRules()) {
            if (!settings.enabled(rule)) {
                continue;
            }
            ImageRuleContext context = new ImageRuleContext(inspection, rule, settings.options());
            rule.check(context);
            for (Finding finding : context.findings()) {
                boolean atDockerfileLine = suppressions != null && finding.line() > 0;
                if (!atDockerfileLine || !suppressions.suppressed(finding, rule)) {
                    findings.add(settings.severityOf(finding.ruleId()).map(finding::withSeverity).orElse(finding));
                }
            }
        }
        findings.sort(Finding.ORDER);
        return List.copyOf(findings);
    }
}
