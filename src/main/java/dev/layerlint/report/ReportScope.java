package dev.layerlint.report;

import java.util.List;

/**
 * What a goal checked, findings or not: the test-report formats (JUnit, Checkstyle) list every
 * file and rule checked, so that a clean run shows passing checks rather than nothing.
 *
 * @param files   the files checked, relative to the base directory
 * @param ruleIds the rules that ran
 */
public record ReportScope(List<String> files, List<String> ruleIds) {

    public static final ReportScope NONE = new ReportScope(List.of(), List.of());

    public ReportScope {
        files = files.stream().distinct().sorted().toList();
        ruleIds = ruleIds.stream().distinct().sorted().toList();
    }
}
