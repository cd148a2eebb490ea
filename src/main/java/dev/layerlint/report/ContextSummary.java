package dev.layerlint.report;

import java.util.List;
import java.util.Objects;

/**
 * The build context one Dockerfile is built with, as {@code docker build} would send it.
 *
 * @param dockerfile the Dockerfile, relative to the base directory
 * @param directory  the context directory, relative to the base directory ({@code .} for the base directory itself)
 * @param files      number of files sent
 * @param bytes      bytes sent
 * @param largest    the largest files sent, largest first
 */
public record ContextSummary(String dockerfile, String directory, long files, long bytes, List<FileSize> largest) {

    public ContextSummary {
        Objects.requireNonNull(dockerfile, "dockerfile");
        Objects.requireNonNull(directory, "directory");
        largest = largest.stream().sorted(FileSize.LARGEST_FIRST).toList();
    }
}
