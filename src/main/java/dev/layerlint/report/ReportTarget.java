package dev.layerlint.report;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and for what the extra formats are written.
 *
 * @param baseDirectory   the project base directory, which report paths are relative to (the HTML page
 *                        reads Dockerfile excerpts from it)
 * @param outputDirectory where the report files go
 * @param failOn          the severity at which the build fails, empty for never; JUnit marks findings
 *                        at or above it as failures
 * @param stepSummary     a file the Markdown summary is appended to as well (GitHub's {@code GITHUB_STEP_SUMMARY})
 */
public record ReportTarget(Path baseDirectory, Path outputDirectory, Optional<Severity> failOn, Optional<Path> stepSummary) {

    public ReportTarget {
        Objects.requireNonNull(baseDirectory, "baseDirectory");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        Objects.requireNonNull(failOn, "failOn");
        Objects.requireNonNull(stepSummary, "stepSummary");
    }

    /** True when a finding of this severity fails the build. */
    public boolean fails(Severity severity) {
        return failOn.map(severity::atLeast).orElse(false);
    }
}
