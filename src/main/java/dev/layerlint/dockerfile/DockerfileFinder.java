package dev.layerlint.dockerfile;

import org.codehaus.plexus.util.DirectoryScanner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Turns the {@code dockerfiles} parameter (comma-separated paths or globs) into files. */
public final class DockerfileFinder {

    private static final String DOCKERFILE = "Dockerfile";
    private static final String CONTAINERFILE = "Containerfile";

    /** A pattern or path that names no file. */
    public static final class NoMatchException extends Exception {
        public NoMatchException(String message) {
            super(message);
        }
    }

    private DockerfileFinder() {
    }

    /** {@code file}, or the {@code Containerfile} beside it when {@code file} is a missing {@code Dockerfile}. */
    private static Path orContainerfile(Path file) {
        if (Files.exists(file) || file.getFileName() == null || !file.getFileName().toString().equals(DOCKERFILE)) {
            return file;
        }
        Path containerfile = file.resolveSibling(CONTAINERFILE);
        return Files.isRegularFile(containerfile) ? containerfile : file;
    }

    /**
     * Resolves each comma-separated entry against {@code baseDirectory}: a plain path must exist, a
     * glob ({@code *}, {@code ?}, {@code **}) must match at least one file; globs do not follow symbolic
     * links (name a linked Dockerfile by its path). A path named {@code Dockerfile} that does not exist stands
     * for a {@code Containerfile} in the same directory, the name Podman and Buildah build by default. Order: as
     * listed, globs sorted; duplicates once.
     */
    public static List<Path> find(Path baseDirectory, String patterns) throws NoMatchException {
        Set<Path> found = new LinkedHashSet<>();
        for (String raw : patterns.split(",")) {
            String pattern = raw.strip();
            if (pattern.isEmpty()) {
                continue;
            }
            if (pattern.contains("*") || pattern.contains("?")) {
                DirectoryScanner scanner = new DirectoryScanner();
                scanner.setBasedir(baseDirectory.toFile());
                scanner.setIncludes(new String[] {pattern});
                scanner.setExcludes(new String[] {"**/target/**", "**/node_modules/**", "**/.git/**"});
                // a link to a parent directory would make the walk endless (every loop is walked to the
                // deepest path the system resolves, in each of its combinations)
                scanner.setFollowSymlinks(false);
                scanner.scan();
                List<Path> matches = new ArrayList<>();
                for (String file : scanner.getIncludedFiles()) {
                    matches.add(baseDirectory.resolve(file).normalize());
                }
                if (matches.isEmpty()) {
                    throw new NoMatchException("no file matches '" + pattern + "' in " + baseDirectory);
                }
                matches.sort(null);
                found.addAll(matches);
            } else {
                Path file = orContainerfile(baseDirectory.resolve(pattern).normalize());
                if (!Files.isRegularFile(file)) {
                    throw new NoMatchException("Dockerfile " + file + " does not exist" + (Files.isDirectory(file)
                            ? " (it is a directory: name the Dockerfile in it)" : ""));
                }
                found.add(file);
            }
        }
        if (found.isEmpty()) {
            throw new NoMatchException("no Dockerfile given: the dockerfiles parameter is empty");
        }
        return List.copyOf(found);
    }

    /**
     * How a file is named in findings: relative to the base directory with {@code /} ({@code ../shared/Dockerfile} when
     * it lies beside it); absolute only when no relative path exists (another drive).
     */
    public static String displayPath(Path baseDirectory, Path file) {
        Path base = baseDirectory.toAbsolutePath().normalize();
        Path abs = file.toAbsolutePath().normalize();
        Path shown;
        try {
            shown = base.relativize(abs);
        } catch (IllegalArgumentException differentRoot) {
            shown = abs;
        }
        return shown.toString().replace('\\', '/');
    }
}
