package dev.layerlint.rules;

import dev.layerlint.dockerfile.DockerfileParser;
import dev.layerlint.report.Finding;

import java.util.List;

/** Lints Dockerfile text in tests and lists findings as {@code RuleId@line}. */
public final class LintAssertions {

    private LintAssertions() {
    }

    public static List<Finding> lint(String dockerfile) {
        return lint(dockerfile, RuleSettings.DEFAULTS);
    }

    public static List<Finding> lint(String dockerfile, RuleSettings settings) {
        return new Linter(settings).lint(DockerfileParser.parse("Dockerfile", dockerfile));
    }

    /** Findings of one rule, as {@code RuleId@line} strings in order. */
    public static List<String> hits(String ruleId, String dockerfile) {
        return lint(dockerfile).stream().filter(f -> f.ruleId().equals(ruleId)).map(f -> f.ruleId() + "@" + f.line()).toList();
    }

    /** All findings as {@code RuleId@line}. */
    public static List<String> allHits(String dockerfile) {
        return lint(dockerfile).stream().map(f -> f.ruleId() + "@" + f.line()).toList();
    }
}
