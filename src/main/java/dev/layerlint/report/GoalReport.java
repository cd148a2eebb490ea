package dev.layerlint.report;

import dev.layerlint.text.Plural;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one goal found, as written to {@code <goal>.json} ({@code <goal>-<execution>.json} for a named execution).
 *
 * @param toolVersion the plugin version
 * @param goal        {@code lint}, {@code dockerignore} or {@code inspect}
 * @param execution   the Maven execution the report is named after, when a module runs the goal more than once
 * @param findings    every finding, sorted
 * @param sections    goal-specific sections written after {@code findings} (e.g. {@code contexts}, {@code image})
 */
public record GoalReport(String toolVersion, String goal, Optional<String> execution, List<Finding> findings,
        Map<String, Object> sections) {

    public GoalReport {
        Objects.requireNonNull(execution, "execution");
        findings = findings.stream().sorted(Finding.ORDER).toList();
        sections = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sections));
    }

    /** The report of a goal's only execution in its module. */
    public GoalReport(String toolVersion, String goal, List<Finding> findings, Map<String, Object> sections) {
        this(toolVersion, goal, Optional.empty(), findings, sections);
    }

    /** What the report's files are named after: {@code lint}, or {@code lint-api} for the execution {@code api}. */
    public String name() {
        return execution.map(id -> goal + "-" + id).orElse(goal);
    }

    /** Number of findings per severity, every severity present. */
    public Map<Severity, Integer> summary() {
        Map<Severity, Integer> counts = new LinkedHashMap<>();
        for (Severity s : Severity.values()) {
            counts.put(s, 0);
        }
        findings.forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
        return counts;
    }

    /** Findings at or above the threshold. */
    public List<Finding> atLeast(Severity threshold) {
        return findings.stream().filter(f -> f.severity().atLeast(threshold)).toList();
    }

    /** "2 errors, 1 warning, 0 infos" */
    public String summaryLine() {
        Map<Severity, Integer> s = summary();
        return Plural.count(s.get(Severity.ERROR), "error") + ", " + Plural.count(s.get(Severity.WARNING), "warning") + ", "
                + Plural.count(s.get(Severity.INFO), "info");
    }
}
