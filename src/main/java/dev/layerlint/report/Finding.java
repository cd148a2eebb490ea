package dev.layerlint.report;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One problem found by a rule.
 *
 * @param ruleId    stable rule id, e.g. {@code AptListsNotRemoved}
 * @param severity  effective severity (after configuration)
 * @param file      path relative to the project base directory, with {@code /} separators
 * @param line      1-based first line of the instruction (0 when the finding concerns no line)
 * @param column    1-based column (0 when unknown)
 * @param endLine   last line of the instruction (equal to {@code line} for one-line instructions)
 * @param message   what is wrong and how to fix it, one sentence or two
 * @param checklist the checklist item the rule enforces, if any
 */
public record Finding(
        String ruleId,
        Severity severity,
        String file,
        int line,
        int column,
        int endLine,
        String message,
        Optional<ChecklistItem> checklist) {

    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file)
            .thenComparingInt(Finding::line)
            .thenComparingInt(Finding::column)
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message);

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(checklist, "checklist");
        if (endLine < line) {
            endLine = line;
        }
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(ruleId, newSeverity, file, line, column, endLine, message, checklist);
    }

    /** {@code file:line:col: [RuleId] message}, the form IDEs and CI log parsers make clickable. */
    public String toConsoleLine() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        return sb.append(": [").append(ruleId).append("] ").append(message).toString();
    }
}
