package dev.layerlint.context;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The patterns of one ignore file, compiled, answering moby/patternmatcher's two questions. Immutable
 * and safe to share between threads.
 *
 * <p>Later lines win: a path is excluded when the last pattern that matches it (or, see below, one
 * of its parent directories) is not an exception. Patterns are only consulted when they could change
 * the outcome, so an exception never matters before some pattern has excluded the path.
 */
public final class PatternMatcher {

    private final List<IgnorePattern> patterns;
    private final List<CompiledPattern> compiled;
    private final boolean hasExceptions;

    /** Indexes of the patterns that can only match paths under one top-level name, by that name. */
    private final Map<String, int[]> byTopLevel;
    /** Indexes of the patterns that can match paths under any top-level name. */
    private final int[] anywhere;

    private PatternMatcher(List<IgnorePattern> patterns) {
        this.patterns = List.copyOf(patterns);
        this.compiled = this.patterns.stream().map(CompiledPattern::compile).toList();
        this.hasExceptions = this.patterns.stream().anyMatch(IgnorePattern::exception);
        Map<String, List<Integer>> grouped = new HashMap<>();
        List<Integer> general = new ArrayList<>();
        for (int i = 0; i < this.patterns.size(); i++) {
            Optional<String> top = topLevel(this.patterns.get(i).pattern(), compiled.get(i));
            if (top.isPresent()) {
                grouped.computeIfAbsent(top.get(), k -> new ArrayList<>()).add(i);
            } else {
                general.add(i);
            }
        }
        this.byTopLevel = new HashMap<>();
        grouped.forEach((name, indexes) -> byTopLevel.put(name, indexes.stream().mapToInt(Integer::intValue).toArray()));
        this.anywhere = general.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The top-level name every path the pattern matches starts with (or is), when the pattern fixes it: a
     * literal first segment followed by {@code /}, or a whole literal pattern without {@code /}.
     */
    private static Optional<String> topLevel(String pattern, CompiledPattern compiled) {
        int literal = 0;
        while (literal < pattern.length() && "*?[\\".indexOf(pattern.charAt(literal)) < 0) {
            literal++;
        }
        int slash = pattern.indexOf('/');
        if (slash > 0 && slash < literal) {
            return Optional.of(pattern.substring(0, slash));
        }
        return compiled instanceof CompiledPattern.Exact && slash < 0 ? Optional.of(pattern) : Optional.empty();
    }

    /**
     * The indexes, in order, of the patterns that could match {@code path} or one of its parents: a file in a
     * context of thousands of patterns is tried only against those that could match it.
     */
    private int[] candidates(String path) {
        int slash = path.indexOf('/');
        int[] mine = byTopLevel.get(slash < 0 ? path : path.substring(0, slash));
        if (mine == null) {
            return anywhere;
        }
        int[] merged = new int[mine.length + anywhere.length];
        int a = 0;
        int b = 0;
        for (int k = 0; k < merged.length; k++) {
            merged[k] = b == anywhere.length || a < mine.length && mine[a] < anywhere[b] ? mine[a++] : anywhere[b++];
        }
        return merged;
    }

    /** Compiles the patterns of {@code ignoreFile} (which parsing has already validated). */
    public static PatternMatcher of(IgnoreFile ignoreFile) {
        return new PatternMatcher(ignoreFile.patterns());
    }

    public List<IgnorePattern> patterns() {
        return patterns;
    }

    /** Whether any pattern is an exception ({@code !...}). */
    public boolean hasExceptions() {
        return hasExceptions;
    }

    /**
     * {@code MatchesOrParentMatches}: whether {@code path} is excluded when each pattern is tried on
     * the path and on each of its parent directories. Docker uses this for single files (the
     * classic builder's Dockerfile and {@code .dockerignore}); a build context walk uses
     * {@link #match(String, MatchState)}, which can differ from this in rare pattern orders.
     *
     * @param path slash-separated, relative to the context root, already cleaned
     */
    public boolean matchesOrParentMatches(String path) {
        String[] parents = parentsOf(path);
        boolean matched = false;
        for (int i : candidates(path)) {
            if (patterns.get(i).exception() != matched) {
                continue;
            }
            CompiledPattern pattern = compiled.get(i);
            boolean match = pattern.matches(path) || anyMatches(pattern, parents);
            if (match) {
                matched = !patterns.get(i).exception();
            }
        }
        return matched;
    }

    /**
     * {@code MatchesUsingParentResults}, the check made for every entry of a build context walk: a
     * pattern that matched the parent directory counts as matching, the others are tried on the path
     * itself only. With {@link MatchState#ROOT} (an entry at the top of the context) every pattern is
     * also tried on the path's parent directories, like {@link #matchesOrParentMatches(String)}.
     *
     * @param path   slash-separated, relative to the context root
     * @param parent the state of the directory holding {@code path}
     * @return whether the path is excluded, and the state to pass for its children
     */
    public MatchState match(String path, MatchState parent) {
        boolean[] parentMatched = parent.matched;
        boolean[] matchedHere = new boolean[compiled.size()];
        String[] parents = parentMatched == null ? parentsOf(path) : null;
        boolean excluded = false;
        for (int i : candidates(path)) {
            boolean match = parentMatched != null && parentMatched[i];
            if (!match) {
                if (patterns.get(i).exception() != excluded) {
                    continue;
                }
                CompiledPattern pattern = compiled.get(i);
                if (pattern instanceof CompiledPattern.Invalid invalid) {
                    // moby/patternmatcher fails here: the walk stops at this path
                    return new MatchState(false, matchedHere, Optional.of(new InvalidPattern(patterns.get(i), invalid.reason())));
                }
                match = pattern.matches(path) || (parents != null && anyMatches(pattern, parents));
            }
            matchedHere[i] = match;
            if (match) {
                excluded = !patterns.get(i).exception();
            }
        }
        return new MatchState(excluded, matchedHere, Optional.empty());
    }

    private static boolean anyMatches(CompiledPattern pattern, String[] paths) {
        for (String candidate : paths) {
            if (pattern.matches(candidate)) {
                return true;
            }
        }
        return false;
    }

    /** {@code a}, {@code a/b} for {@code a/b/c}: each parent directory, outermost first. */
    private static String[] parentsOf(String path) {
        int count = 0;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                count++;
            }
        }
        String[] parents = new String[count];
        int found = 0;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                parents[found++] = path.substring(0, i);
            }
        }
        return parents;
    }

    /** The outcome of {@link #match} for one path: excluded or not, and which patterns matched it. */
    public static final class MatchState {

        /** The state "above" the top-level entries of a context: no information about parents. */
        public static final MatchState ROOT = new MatchState(false, null, Optional.empty());

        private final boolean excluded;
        private final boolean[] matched;
        private final Optional<InvalidPattern> invalid;

        private MatchState(boolean excluded, boolean[] matched, Optional<InvalidPattern> invalid) {
            this.excluded = excluded;
            this.matched = matched;
            this.invalid = invalid;
        }

        /** Whether the path is excluded from the build context. */
        public boolean excluded() {
            return excluded;
        }

        /** The pattern Docker could not match this path against: its build fails at this path. */
        public Optional<InvalidPattern> invalid() {
            return invalid;
        }
    }

    /**
     * A pattern of the ignore file that Docker accepts when it reads the file but cannot match
     * (its regular expression does not compile), and why.
     */
    public record InvalidPattern(IgnorePattern pattern, String reason) {
    }
}
