package dev.layerlint.rules;

import dev.layerlint.context.IgnoreFile;
import dev.layerlint.context.IgnoreFileException;
import dev.layerlint.context.IgnorePattern;
import dev.layerlint.context.PatternMatcher;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Patterns in {@code .dockerignore} syntax, exceptions ({@code !}) included, that match a single path
 * the way Docker does: a pattern that matches a directory matches everything inside it.
 */
public final class IgnorePatterns {

    private final IgnoreFile patterns;
    private final PatternMatcher matcher;

    private IgnorePatterns(IgnoreFile patterns) {
        this.patterns = patterns;
        this.matcher = PatternMatcher.of(patterns);
    }

    /**
     * @param name the parameter the patterns come from, named with the entry's 1-based position in errors
     * @throws IgnoreFileException for a pattern Docker would reject
     */
    public static IgnorePatterns parse(String name, List<String> lines) throws IgnoreFileException {
        return new IgnorePatterns(IgnoreFile.parse(name, String.join("\n", lines)));
    }

    /**
     * Each entry on its own, e.g. to tell which required exclusion a file falls under.
     *
     * @throws IgnoreFileException for a pattern Docker would reject, or an exception, which means nothing alone
     */
    public static List<IgnorePatterns> parseEach(String name, List<String> lines) throws IgnoreFileException {
        List<IgnorePatterns> each = new ArrayList<>();
        for (IgnorePattern pattern : IgnoreFile.parse(name, String.join("\n", lines)).patterns()) {
            if (pattern.exception()) {
                throw new IgnoreFileException(name, pattern.line(), "`!" + pattern.pattern()
                        + "`: an exception has no meaning here; list only the paths to match");
            }
            each.add(new IgnorePatterns(new IgnoreFile(name, List.of(pattern))));
        }
        return List.copyOf(each);
    }

    /** Whether the patterns exclude {@code path} (slash-separated, relative to the context root, cleaned). */
    public boolean matches(String path) {
        return matcher.matchesOrParentMatches(path);
    }

    /** The patterns as written after cleaning, one per line, exceptions with their {@code !}. */
    public String text() {
        return patterns.patterns().stream().map(IgnorePattern::toString).collect(Collectors.joining("\n"));
    }
}
