package dev.layerlint.context;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code COPY . /dest} would receive from one build context, and what the ignore file kept out.
 * Only regular files are counted; symbolic links are listed separately, directories and special
 * files (sockets, pipes, devices) are not counted.
 *
 * @param dockerfile    the Dockerfile the context belongs to, as given
 * @param directory     the context root, as given
 * @param ignoreFile    the ignore file applied, empty when there is none
 * @param files         regular files sent, the Dockerfile and the ignore file included when not excluded
 * @param bytes         their total size
 * @param excludedFiles regular files left out, including those inside skipped directories
 * @param excludedBytes their total size
 * @param largest       the largest sent files, largest first (ties by path), at most the configured number
 * @param sentFiles     every sent regular file, sorted
 * @param excludedPaths the outermost excluded entries (an excluded directory stands for its contents), sorted
 * @param symlinks      sent symbolic links, sorted by path
 * @param warnings      entries that could not be examined, sorted by path
 * @param filter        the filter applied, for questions about single paths
 * @param ownOutput     the reports' directory, relative to the context, when it lies inside the context and was left
 *                      out of the scan (see {@link ScanOptions#ownOutput()})
 */
public record ContextScan(
        Path dockerfile,
        Path directory,
        Optional<Path> ignoreFile,
        long files,
        long bytes,
        long excludedFiles,
        long excludedBytes,
        List<FileSize> largest,
        List<String> sentFiles,
        List<String> excludedPaths,
        List<ContextLink> symlinks,
        List<ContextWarning> warnings,
        ContextFilter filter,
        Optional<String> ownOutput) {

    public ContextScan {
        Objects.requireNonNull(dockerfile, "dockerfile");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(ignoreFile, "ignoreFile");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(ownOutput, "ownOutput");
        largest = List.copyOf(largest);
        sentFiles = List.copyOf(sentFiles);
        excludedPaths = List.copyOf(excludedPaths);
        symlinks = List.copyOf(symlinks);
        warnings = List.copyOf(warnings);
    }

    /**
     * Whether the builder leaves {@code relativePath} out of the context, e.g. whether a {@code COPY}
     * source is ignored. See {@link ContextFilter#isExcluded(String)}.
     */
    public boolean isExcluded(String relativePath) {
        return filter.isExcluded(relativePath);
    }
}
