package dev.layerlint.maven;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.layerlint.context.ContextScan;
import dev.layerlint.context.FileSize;

import java.util.List;
import java.util.Optional;

/**
 * One entry of {@code dockerignore.json}'s {@code contexts}: what one Dockerfile's context sends.
 * Paths are relative to the project base directory; {@code ignoreFile} is left out when there is none, and
 * {@code reportsLeftOut} (layerlint's own report directory, never counted) when it lies outside the context.
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record ContextReport(String dockerfile, String directory, Optional<String> ignoreFile, long files, long bytes,
        long excludedFiles, long excludedBytes, List<FileSize> largest, Optional<String> reportsLeftOut) {

    public ContextReport {
        largest = List.copyOf(largest);
    }

    static ContextReport of(String dockerfile, String directory, Optional<String> ignoreFile, Optional<String> reportsLeftOut,
            ContextScan scan) {
        return new ContextReport(dockerfile, directory, ignoreFile, scan.files(), scan.bytes(), scan.excludedFiles(),
                scan.excludedBytes(), scan.largest(), reportsLeftOut);
    }
}
