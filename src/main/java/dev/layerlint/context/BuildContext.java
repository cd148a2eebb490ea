package dev.layerlint.context;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * Walks a build context the way a Docker builder does and counts what it would send.
 *
 * <p>An excluded directory that the builder skips is not matched entry by entry: its regular files
 * are only counted (as excluded files and bytes), which is what keeps a walk over
 * {@code node_modules} cheap. Symbolic links are never followed. Entries that cannot be read become
 * {@link ContextWarning}s.
 */
public final class BuildContext {

    private static final Comparator<FileSize> LARGEST_FIRST = Comparator.comparingLong(FileSize::bytes).reversed()
            .thenComparing(FileSize::path);

    private BuildContext() {
    }

    /**
     * Analyses the context of one Dockerfile: finds the ignore file that applies, parses it and walks
     * the context.
     *
     * @param dockerfile       the Dockerfile (it need not lie inside the context)
     * @param contextDirectory the context root
     * @throws IgnoreFileException when the ignore file cannot be read or holds an invalid pattern
     * @throws IOException         when the context directory does not exist or is not a directory
     */
    public static ContextScan analyse(Path dockerfile, Path contextDirectory, ScanOptions options)
            throws IgnoreFileException, IOException {
        Path root = contextDirectory.toRealPath();
        if (!Files.isDirectory(root)) {
            throw new NotDirectoryException(contextDirectory.toString());
        }
        Optional<Path> ignorePath = IgnoreFileLocator.locate(dockerfile, contextDirectory, options.builder());
        IgnoreFile ignoreFile = ignorePath.isPresent()
                ? IgnoreFile.parse(ignorePath.get())
                : IgnoreFile.empty(IgnoreFileLocator.DEFAULT_NAME);
        ContextFilter filter = ContextFilter.of(ignoreFile, options.builder(), pathInside(root, dockerfile));
        Walk walk = new Walk(filter, options.largestLimit());
        Files.walkFileTree(root, walk);
        return walk.result(dockerfile, contextDirectory, ignorePath);
    }

    private static Optional<String> pathInside(Path root, Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        Path real = Files.exists(absolute) ? absolute.toRealPath() : absolute;
        return real.startsWith(root) && !real.equals(root)
                ? Optional.of(slashes(root.relativize(real)))
                : Optional.empty();
    }

    private static String slashes(Path relative) {
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }

    /** One walk over a context; not reusable. */
    private static final class Walk extends SimpleFileVisitor<Path> {

        private final ContextFilter filter;
        private final int largestLimit;
        private final Deque<Directory> directories = new ArrayDeque<>();
        private final PriorityQueue<FileSize> largest = new PriorityQueue<>(LARGEST_FIRST.reversed());
        private final List<String> sentFiles = new ArrayList<>();
        private final List<String> excludedPaths = new ArrayList<>();
        private final List<ContextLink> symlinks = new ArrayList<>();
        private final List<ContextWarning> warnings = new ArrayList<>();
        private long files;
        private long bytes;
        private long excludedFiles;
        private long excludedBytes;

        Walk(ContextFilter filter, int largestLimit) {
            this.filter = filter;
            this.largestLimit = largestLimit;
        }

        /**
         * A directory on the walk's current path. {@code skipped}: inside a directory the builder
         * skips, so everything below is excluded and only counted.
         */
        private record Directory(String path, PatternMatcher.MatchState state, boolean excluded, boolean skipped) {
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (directories.isEmpty()) {
                directories.push(new Directory("", PatternMatcher.MatchState.ROOT, false, false));
                return FileVisitResult.CONTINUE;
            }
            Directory parent = directories.peek();
            String path = childPath(parent, dir);
            if (parent.skipped()) {
                directories.push(new Directory(path, parent.state(), true, true));
                return FileVisitResult.CONTINUE;
            }
            ContextFilter.Decision decision = filter.decide(path, true, parent.state());
            if (decision.excluded() && !parent.excluded()) {
                excludedPaths.add(path);
            }
            directories.push(new Directory(path, decision.state(), decision.excluded(), decision.pruned()));
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException failure) {
            Directory directory = directories.pop();
            if (failure != null) {
                warn(directory.path().isEmpty() ? "." : directory.path(), directory.excluded(), failure);
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            Directory parent = directories.peek();
            String path = childPath(parent, file);
            boolean excluded = parent.skipped() || filter.decide(path, false, parent.state()).excluded();
            if (excluded) {
                if (!parent.excluded()) {
                    excludedPaths.add(path);
                }
                if (attrs.isRegularFile()) {
                    excludedFiles++;
                    excludedBytes += attrs.size();
                }
            } else if (attrs.isRegularFile()) {
                sent(file, path, attrs.size());
            } else if (attrs.isSymbolicLink()) {
                link(file, parent, path);
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException failure) {
            if (directories.isEmpty()) {
                warnings.add(new ContextWarning(".", "cannot read the context directory: " + reason(failure)));
                return FileVisitResult.CONTINUE;
            }
            Directory parent = directories.peek();
            String path = childPath(parent, file);
            boolean excluded = parent.skipped() || filter.decide(path, true, parent.state()).excluded();
            if (excluded && !parent.excluded()) {
                excludedPaths.add(path);
            }
            warn(path, excluded, failure);
            return FileVisitResult.CONTINUE;
        }

        private void sent(Path file, String path, long size) {
            files++;
            bytes += size;
            sentFiles.add(path);
            if (largestLimit > 0) {
                largest.add(new FileSize(path, size));
                if (largest.size() > largestLimit) {
                    largest.poll();
                }
            }
            if (!Files.isReadable(file)) {
                warnings.add(new ContextWarning(path, "cannot read the file; docker build fails sending it"));
            }
        }

        private void link(Path file, Directory parent, String path) {
            try {
                String target = slashes(Files.readSymbolicLink(file));
                symlinks.add(new ContextLink(path, target, leavesContext(parent.path(), target)));
            } catch (IOException e) {
                warn(path, false, e);
            }
        }

        private static boolean leavesContext(String linkDirectory, String target) {
            if (target.startsWith("/")) {
                return true;
            }
            String resolved = GoPaths.clean(linkDirectory.isEmpty() ? target : linkDirectory + "/" + target);
            return resolved.equals("..") || resolved.startsWith("../");
        }

        private void warn(String path, boolean excluded, IOException failure) {
            String consequence = excluded
                    ? "it is excluded, so the build is not affected, but its files are not counted"
                    : "docker build fails sending it";
            warnings.add(new ContextWarning(path, "cannot read: " + reason(failure) + "; " + consequence));
        }

        private static String reason(IOException failure) {
            if (failure instanceof AccessDeniedException) {
                return "permission denied";
            }
            String reason = failure.getMessage();
            return reason == null ? failure.getClass().getSimpleName() : reason;
        }

        private String childPath(Directory parent, Path child) {
            String name = child.getFileName().toString();
            return parent.path().isEmpty() ? name : parent.path() + "/" + name;
        }

        ContextScan result(Path dockerfile, Path directory, Optional<Path> ignoreFile) {
            List<FileSize> largestFirst = new ArrayList<>(largest);
            largestFirst.sort(LARGEST_FIRST);
            sentFiles.sort(null);
            excludedPaths.sort(null);
            symlinks.sort(Comparator.comparing(ContextLink::path));
            warnings.sort(Comparator.comparing(ContextWarning::path));
            return new ContextScan(dockerfile, directory, ignoreFile, files, bytes, excludedFiles, excludedBytes,
                    largestFirst, sentFiles, excludedPaths, symlinks, warnings, filter);
        }
    }
}
