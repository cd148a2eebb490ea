package dev.layerlint.context;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, the way a given builder does, which paths of a build context are sent: the patterns of
 * the ignore file plus the builder's rule for skipping excluded directories. Immutable and safe to
 * share between threads.
 */
public final class ContextFilter {

    /** Characters that make BuildKit treat an exception as a wildcard (fsutil's {@code patternChars}). */
    private static final String WILDCARD_CHARACTERS = "*[]?^\\";

    private final PatternMatcher matcher;
    private final Builder builder;
    private final PatternMatcher ignoreFileMatcher;
    private final Set<String> removedWhenMatched;
    private final boolean mayPrune;
    private final List<String> exceptionPrefixes;

    private ContextFilter(PatternMatcher matcher, Builder builder, PatternMatcher ignoreFileMatcher,
            Set<String> removedWhenMatched) {
        this.matcher = matcher;
        this.builder = builder;
        this.ignoreFileMatcher = ignoreFileMatcher;
        this.removedWhenMatched = removedWhenMatched;
        List<IgnorePattern> exceptions = matcher.patterns().stream().filter(IgnorePattern::exception).toList();
        if (builder == Builder.BUILDKIT) {
            List<String> stripped = exceptions.stream().map(e -> withoutTrailingGlob(e.pattern())).toList();
            this.mayPrune = stripped.stream().noneMatch(ContextFilter::hasWildcard);
            this.exceptionPrefixes = stripped.stream().map(p -> p + "/").toList();
        } else {
            this.mayPrune = true;
            this.exceptionPrefixes = exceptions.stream().map(e -> e.pattern() + "/").toList();
        }
    }

    /**
     * @param ignoreFile     the ignore file that applies (see {@link IgnoreFileLocator})
     * @param builder        whose behaviour to reproduce
     * @param dockerfilePath the Dockerfile's path relative to the context root with {@code /}
     *                       separators, when it lies inside the context (the classic builder treats
     *                       it specially)
     */
    public static ContextFilter of(IgnoreFile ignoreFile, Builder builder, Optional<String> dockerfilePath) {
        PatternMatcher matcher = PatternMatcher.of(ignoreFile);
        if (builder == Builder.BUILDKIT) {
            return new ContextFilter(matcher, builder, matcher, Set.of());
        }
        List<String> buildFiles = new ArrayList<>();
        buildFiles.add(IgnoreFileLocator.DEFAULT_NAME);
        dockerfilePath.ifPresent(buildFiles::add);
        return new ContextFilter(withBuildFilesKept(ignoreFile, buildFiles), builder, matcher,
                Set.copyOf(buildFiles));
    }

    /**
     * The classic client sends the Dockerfile and {@code .dockerignore} even when they are excluded,
     * by appending an exception for each ({@code TrimBuildFilesFromExcludes}); the daemon deletes
     * them again after reading them. The appended exception can keep a directory from being skipped,
     * which matters when other exceptions re-include files inside it.
     */
    private static PatternMatcher withBuildFilesKept(IgnoreFile ignoreFile, List<String> buildFiles) {
        List<IgnorePattern> patterns = new ArrayList<>(ignoreFile.patterns());
        for (String buildFile : buildFiles) {
            PatternMatcher current = PatternMatcher.of(new IgnoreFile(ignoreFile.name(), patterns));
            if (current.matchesOrParentMatches(buildFile)) {
                patterns.add(new IgnorePattern(IgnorePattern.ADDED_BY_CLIENT, buildFile, true));
            }
        }
        return PatternMatcher.of(new IgnoreFile(ignoreFile.name(), patterns));
    }

    public Builder builder() {
        return builder;
    }

    /** The patterns applied during the walk (for the classic builder, with the client's additions). */
    public PatternMatcher matcher() {
        return matcher;
    }

    /**
     * Whether the builder leaves {@code relativePath} out of the context: the path itself is excluded,
     * or it lies in an excluded directory that the builder skips. A directory that is excluded but
     * holds re-included files counts as excluded (its re-included files do not). The path is cleaned
     * first; the context root itself is never excluded.
     *
     * @param relativePath a path relative to the context root, {@code /} separators, e.g. {@code target/app.jar}
     */
    public boolean isExcluded(String relativePath) {
        String path = GoPaths.clean(relativePath);
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        if (path.isEmpty() || path.equals(".")) {
            return false;
        }
        PatternMatcher.MatchState state = PatternMatcher.MatchState.ROOT;
        int slash = path.indexOf('/');
        while (slash >= 0) {
            Decision directory = decide(path.substring(0, slash), true, state);
            if (directory.pruned()) {
                return true;
            }
            state = directory.state();
            slash = path.indexOf('/', slash + 1);
        }
        return decide(path, false, state).excluded();
    }

    /** The builder's verdict on one walk entry, given the state of its directory. */
    Decision decide(String path, boolean directory, PatternMatcher.MatchState parent) {
        PatternMatcher.MatchState state = matcher.match(path, parent);
        boolean excluded = state.excluded() || (!directory && removedByDaemon(path));
        boolean pruned = excluded && directory && canSkip(path);
        return new Decision(excluded, pruned, state);
    }

    /** The classic daemon deletes the Dockerfile and {@code .dockerignore} when the ignore file matches them. */
    private boolean removedByDaemon(String path) {
        return removedWhenMatched.contains(path) && ignoreFileMatcher.matchesOrParentMatches(path);
    }

    /** Whether the builder skips an excluded directory without looking inside. */
    private boolean canSkip(String directory) {
        if (!matcher.hasExceptions()) {
            return true;
        }
        if (!mayPrune) {
            return false;
        }
        String prefix = directory + "/";
        return exceptionPrefixes.stream().noneMatch(exception -> exception.startsWith(prefix));
    }

    private static String withoutTrailingGlob(String pattern) {
        String stripped = pattern.endsWith("/**") ? pattern.substring(0, pattern.length() - 3) : pattern;
        return stripped.endsWith("/*") ? stripped.substring(0, stripped.length() - 2) : stripped;
    }

    private static boolean hasWildcard(String pattern) {
        return pattern.chars().anyMatch(c -> WILDCARD_CHARACTERS.indexOf(c) >= 0);
    }

    /**
     * @param excluded whether the entry stays out of the context
     * @param pruned   whether it is an excluded directory whose contents are skipped unseen
     * @param state    the match state to hand to the entry's children
     */
    record Decision(boolean excluded, boolean pruned, PatternMatcher.MatchState state) {
    }
}
