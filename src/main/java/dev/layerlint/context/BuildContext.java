package dev.layerlint.context;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.TimeUnit;

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

    /** How the threads that walk a context are named, with a number after it. */
    static final String WORKER_NAME = "layerlint-context-";

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
        Optional<String> ownOutput = options.ownOutput().isPresent() ? pathInside(root, options.ownOutput().get()) : Optional.empty();
        Walk walk = new Walk(filter, options.largestLimit(), ownOutput);
        walk.run(root);
        Optional<Tally.FirstInvalid> invalid = walk.firstInvalid();
        if (invalid.isPresent()) {
            IgnorePattern pattern = invalid.get().pattern().pattern();
            throw new IgnoreFileException(ignoreFile.name(), pattern.line(), "syntax error in pattern \"" + pattern.pattern()
                    + "\": " + invalid.get().pattern().reason() + "; docker build accepts the file but fails with "
                    + "\"failed to match excludepatterns: syntax error in pattern\" at the first path it checks against "
                    + "the pattern (here " + invalid.get().path() + "): fix or remove the pattern");
        }
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

    /**
     * One walk over a context; not reusable. Directories are listed in parallel (one fork/join task
     * each); every pool thread adds to its own {@link Tally}, merged and sorted at the end, so the
     * result does not depend on the order of the walk.
     */
    private static final class Walk {

        private final ContextFilter filter;
        private final int largestLimit;
        private final Optional<String> ownOutput;
        private final Map<Thread, Tally> tallies = new ConcurrentHashMap<>();

        Walk(ContextFilter filter, int largestLimit, Optional<String> ownOutput) {
            this.filter = filter;
            this.largestLimit = largestLimit;
            this.ownOutput = ownOutput;
        }

        /**
         * A directory of the context. {@code skipped}: the builder does not look inside, so everything
         * below is excluded and only counted.
         */
        private record Directory(String path, PatternMatcher.MatchState state, boolean excluded, boolean skipped) {

            Directory skippedChild(String childPath) {
                return new Directory(childPath, state, true, true);
            }

            /** The path as warnings name it: {@code .} for the context root. */
            String displayPath() {
                return path.isEmpty() ? "." : path;
            }
        }

        /**
         * Walks the context on a pool of its own, whose threads are gone when this returns or throws: a walk that
         * fails (an OutOfMemoryError in one worker) cancels the others and waits for them, so no thread outlives
         * the goal and keeps the JVM from exiting.
         */
        void run(Path root) {
            List<Thread> threads = Collections.synchronizedList(new ArrayList<>());
            ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors(), p -> {
                ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
                thread.setName(WORKER_NAME + (threads.size() + 1));
                thread.setDaemon(true);
                threads.add(thread);
                return thread;
            }, null, false);
            try {
                pool.invoke(new DirectoryTask(root, new Directory("", PatternMatcher.MatchState.ROOT, false, false)));
            } finally {
                pool.shutdownNow();
                awaitEnd(pool, threads);
            }
        }

        /** Waits until the pool has terminated and each of its threads has ended. */
        private static void awaitEnd(ForkJoinPool pool, List<Thread> threads) {
            boolean interrupted = false;
            while (!pool.isTerminated()) {
                try {
                    pool.awaitTermination(1, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            for (Thread thread : List.copyOf(threads)) {
                while (thread.isAlive()) {
                    try {
                        thread.join();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        /** The first path, in the order Docker walks, whose check met a pattern Docker cannot match. */
        Optional<Tally.FirstInvalid> firstInvalid() {
            return tallies.values().stream().flatMap(t -> t.invalid.stream()).min(Tally.FirstInvalid.WALK_ORDER);
        }

        private Tally tally() {
            return tallies.computeIfAbsent(Thread.currentThread(), thread -> new Tally(largestLimit));
        }

        private final class DirectoryTask extends RecursiveAction {

            private static final long serialVersionUID = 1L;

            private final transient Path path;
            private final transient Directory directory;

            DirectoryTask(Path path, Directory directory) {
                this.path = path;
                this.directory = directory;
            }

            @Override
            protected void compute() {
                Tally tally = tally();
                List<DirectoryTask> subdirectories = new ArrayList<>();
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
                    for (Path entry : entries) {
                        visit(entries, entry, tally, subdirectories);
                    }
                } catch (IOException e) {
                    tally.unreadable(directory.displayPath(), directory.excluded(), e);
                } catch (DirectoryIteratorException e) {
                    tally.unreadable(directory.displayPath(), directory.excluded(), e.getCause());
                }
                invokeAll(subdirectories);
            }

            private void visit(DirectoryStream<Path> entries, Path entry, Tally tally,
                    List<DirectoryTask> subdirectories) {
                String name = entry.getFileName().toString();
                String entryPath = directory.path().isEmpty() ? name : directory.path() + "/" + name;
                BasicFileAttributes attributes;
                try {
                    attributes = attributes(entries, entry);
                } catch (IOException e) {
                    boolean excluded = isExcludedFile(entryPath, tally);
                    excludedEntry(tally, excluded, entryPath);
                    tally.unreadable(entryPath, excluded, e);
                    return;
                }
                if (attributes.isDirectory()) {
                    if (ownOutput.isPresent() && ownOutput.get().equals(entryPath)) {
                        return;
                    }
                    Directory child = directory.skipped()
                            ? directory.skippedChild(entryPath)
                            : decided(entryPath, decide(entryPath, true, tally));
                    excludedEntry(tally, child.excluded(), entryPath);
                    subdirectories.add(new DirectoryTask(entry, child));
                    return;
                }
                boolean excluded = isExcludedFile(entryPath, tally);
                excludedEntry(tally, excluded, entryPath);
                if (excluded) {
                    if (attributes.isRegularFile()) {
                        tally.excludedFiles++;
                        tally.excludedBytes += attributes.size();
                    }
                } else if (attributes.isRegularFile()) {
                    tally.sent(entryPath, attributes.size(), Files.isReadable(entry));
                } else if (attributes.isSymbolicLink()) {
                    tally.link(entry, directory.path(), entryPath);
                }
            }

            /**
             * On Linux the stream is a {@link SecureDirectoryStream}: reading attributes relative to the
             * open directory spares the kernel resolving the whole path again for every entry.
             */
            private static BasicFileAttributes attributes(DirectoryStream<Path> entries, Path entry)
                    throws IOException {
                if (entries instanceof SecureDirectoryStream<Path> secure) {
                    return secure.getFileAttributeView(entry.getFileName(), BasicFileAttributeView.class,
                            LinkOption.NOFOLLOW_LINKS).readAttributes();
                }
                return Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            }

            private boolean isExcludedFile(String entryPath, Tally tally) {
                return directory.skipped() || decide(entryPath, false, tally).excluded();
            }

            private ContextFilter.Decision decide(String entryPath, boolean isDirectory, Tally tally) {
                ContextFilter.Decision decision = filter.decide(entryPath, isDirectory, directory.state());
                decision.state().invalid().ifPresent(invalid -> tally.invalid(entryPath, invalid));
                return decision;
            }

            private void excludedEntry(Tally tally, boolean excluded, String entryPath) {
                if (excluded && !directory.excluded()) {
                    tally.excludedPaths.add(entryPath);
                }
            }

            private Directory decided(String entryPath, ContextFilter.Decision decision) {
                return new Directory(entryPath, decision.state(), decision.excluded(), decision.pruned());
            }
        }

        ContextScan result(Path dockerfile, Path directory, Optional<Path> ignoreFile) {
            Tally total = new Tally(largestLimit);
            tallies.values().forEach(total::add);
            List<FileSize> largestFirst = new ArrayList<>(total.largest);
            largestFirst.sort(LARGEST_FIRST);
            total.sentFiles.sort(null);
            total.excludedPaths.sort(null);
            total.symlinks.sort(Comparator.comparing(ContextLink::path));
            total.warnings.sort(Comparator.comparing(ContextWarning::path));
            return new ContextScan(dockerfile, directory, ignoreFile, total.files, total.bytes, total.excludedFiles,
                    total.excludedBytes, largestFirst, total.sentFiles, total.excludedPaths, total.symlinks,
                    total.warnings, filter, ownOutput);
        }
    }

    /** What one thread of a walk found; confined to that thread until the walk ends. */
    private static final class Tally {

        private final int largestLimit;
        private final PriorityQueue<FileSize> largest = new PriorityQueue<>(LARGEST_FIRST.reversed());
        private final List<String> sentFiles = new ArrayList<>();
        private final List<String> excludedPaths = new ArrayList<>();
        private final List<ContextLink> symlinks = new ArrayList<>();
        private final List<ContextWarning> warnings = new ArrayList<>();
        private long files;
        private long bytes;
        private long excludedFiles;
        private long excludedBytes;

        private Optional<FirstInvalid> invalid = Optional.empty();

        Tally(int largestLimit) {
            this.largestLimit = largestLimit;
        }

        /** A path whose check met a pattern Docker cannot match. */
        record FirstInvalid(String path, PatternMatcher.InvalidPattern pattern) {
            /** Docker's walk order: depth first, names in byte order ({@code a}, {@code a/x}, {@code a-b}). */
            static final Comparator<FirstInvalid> WALK_ORDER = (x, y) -> {
                String[] a = x.path().split("/");
                String[] b = y.path().split("/");
                for (int i = 0; i < Math.min(a.length, b.length); i++) {
                    int c = a[i].compareTo(b[i]);
                    if (c != 0) {
                        return c;
                    }
                }
                return Integer.compare(a.length, b.length);
            };
        }

        void invalid(String path, PatternMatcher.InvalidPattern pattern) {
            FirstInvalid found = new FirstInvalid(path, pattern);
            if (invalid.isEmpty() || FirstInvalid.WALK_ORDER.compare(found, invalid.get()) < 0) {
                invalid = Optional.of(found);
            }
        }

        void sent(String path, long size, boolean readable) {
            files++;
            bytes += size;
            sentFiles.add(path);
            offerLargest(new FileSize(path, size));
            if (!readable) {
                warnings.add(new ContextWarning(path, "cannot read the file; docker build fails sending it"));
            }
        }

        private void offerLargest(FileSize file) {
            if (largestLimit > 0) {
                largest.add(file);
                if (largest.size() > largestLimit) {
                    largest.poll();
                }
            }
        }

        void link(Path link, String linkDirectory, String path) {
            try {
                String target = slashes(Files.readSymbolicLink(link));
                symlinks.add(new ContextLink(path, target, leavesContext(linkDirectory, target)));
            } catch (IOException e) {
                unreadable(path, false, e);
            }
        }

        private static boolean leavesContext(String linkDirectory, String target) {
            if (target.startsWith("/")) {
                return true;
            }
            String resolved = GoPaths.clean(linkDirectory.isEmpty() ? target : linkDirectory + "/" + target);
            return resolved.equals("..") || resolved.startsWith("../");
        }

        void unreadable(String path, boolean excluded, IOException failure) {
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

        void add(Tally other) {
            files += other.files;
            bytes += other.bytes;
            excludedFiles += other.excludedFiles;
            excludedBytes += other.excludedBytes;
            other.largest.forEach(this::offerLargest);
            sentFiles.addAll(other.sentFiles);
            excludedPaths.addAll(other.excludedPaths);
            symlinks.addAll(other.symlinks);
            warnings.addAll(other.warnings);
        }
    }
}
