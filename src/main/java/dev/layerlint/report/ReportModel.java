package dev.layerlint.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Everything the report writers work from: a goal's report, what it checked, and the goal-specific
 * summaries the human-readable formats show. Every writer renders this one model; none re-analyses.
 *
 * @param report   the goal's findings
 * @param scope    the files and rules the goal checked
 * @param image    the inspected image ({@code inspect})
 * @param contexts the build contexts ({@code dockerignore}), in Dockerfile order
 */
public record ReportModel(GoalReport report, ReportScope scope, Optional<ImageSummary> image, List<ContextSummary> contexts) {

    public ReportModel {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(image, "image");
        contexts = contexts.stream().sorted(Comparator.comparing(ContextSummary::dockerfile)).toList();
    }

    /**
     * The model for a report whose goal-specific sections ({@code image}, {@code budgets}, {@code contexts})
     * have the shape of the JSON report contract: they are read the same way {@code index.html} reads them
     * back from {@code <goal>.json}.
     *
     * @throws MalformedReportException when a section does not have the contract's shape
     */
    public static ReportModel of(GoalReport report, ReportScope scope) throws MalformedReportException {
        JsonNode json = new JsonReportWriter().toJson(report);
        String source = "the " + report.goal() + " report";
        return new ReportModel(report, scope, ReportJson.image(json, source), ReportJson.contexts(json, source));
    }

    public String goal() {
        return report.goal();
    }

    /** What the report's files are named after (see {@link GoalReport#name()}). */
    public String name() {
        return report.name();
    }

    public List<Finding> findings() {
        return report.findings();
    }

    /** Every file checked or named by a finding, sorted. */
    public List<String> files() {
        return sortedUnion(scope.files().stream(), findings().stream().map(Finding::file));
    }

    /** Every rule that ran or reported, sorted. */
    public List<String> ruleIds() {
        return sortedUnion(scope.ruleIds().stream(), findings().stream().map(Finding::ruleId));
    }

    private static List<String> sortedUnion(Stream<String> a, Stream<String> b) {
        return List.copyOf(Stream.concat(a, b).collect(Collectors.toCollection(TreeSet::new)));
    }
}
