package dev.layerlint.rules;

import dev.layerlint.report.Severity;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which rules run and at what severity, after configuration.
 *
 * @param disabled   ids of rules that do not run
 * @param severities severity overrides by rule id
 * @param options    the lists rules consult
 */
public record RuleSettings(Set<String> disabled, Map<String, Severity> severities, RuleOptions options) {

    public static final RuleSettings DEFAULTS = new RuleSettings(Set.of(), Map.of(), RuleOptions.DEFAULTS);

    public RuleSettings {
        disabled = Set.copyOf(disabled);
        severities = Map.copyOf(severities);
    }

    /**
     * Reads per-rule configuration: rule id (or hadolint/BuildKit alias) to {@code off},
     * {@code on}, {@code error}, {@code warning} or {@code info}.
     *
     * @throws IllegalArgumentException naming the unknown rule or value
     */
    public static RuleSettings parse(Map<String, String> configuration, RuleOptions options) {
        Set<String> disabled = new java.util.HashSet<>();
        Map<String, Severity> severities = new java.util.HashMap<>();
        for (Map.Entry<String, String> e : configuration.entrySet()) {
            String key = e.getKey().strip();
            Rule rule = RuleCatalog.find(key).orElseThrow(() -> new IllegalArgumentException("unknown rule '" + key
                    + "'; known rules: " + String.join(", ", RuleCatalog.all().stream().map(Rule::id).toList())));
            String value = e.getValue() == null ? "" : e.getValue().strip().toLowerCase(java.util.Locale.ROOT);
            switch (value) {
                case "off", "false", "disabled" -> disabled.add(rule.id());
                case "on", "true", "enabled" -> disabled.remove(rule.id());
                default -> severities.put(rule.id(), Severity.parse(value).orElseThrow(() -> new IllegalArgumentException(
                        "rule " + rule.id() + ": '" + e.getValue() + "' is not off, on, error, warning or info")));
            }
        }
        return new RuleSettings(disabled, severities, options);
    }

    public boolean enabled(Rule rule) {
        return !disabled.contains(rule.id());
    }

    public Optional<Severity> severityOf(String ruleId) {
        return Optional.ofNullable(severities.get(ruleId));
    }
}
