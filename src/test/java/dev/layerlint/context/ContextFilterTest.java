package dev.layerlint.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContextFilterTest {

    private static ContextFilter filter(Builder builder, String... lines) {
        return filter(builder, Optional.empty(), lines);
    }

    private static ContextFilter filter(Builder builder, Optional<String> dockerfile, String... lines) {
        try {
            return ContextFilter.of(IgnoreFile.parse("test", String.join("\n", lines)), builder, dockerfile);
        } catch (IgnoreFileException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void withoutExceptionsAnExcludedDirectoryIsSkipped() {
        for (Builder builder : Builder.values()) {
            ContextFilter filter = filter(builder, "node_modules");
            ContextFilter.Decision decision = filter.decide("node_modules", true, PatternMatcher.MatchState.ROOT);
            assertTrue(decision.excluded());
            assertTrue(decision.pruned());
            assertTrue(filter.isExcluded("node_modules/a/b.js"));
            assertFalse(filter.isExcluded("src/node_modules.txt"));
        }
    }

    @Test
    void anExcludedFileIsNeverPruned() {
        ContextFilter.Decision decision = filter(Builder.BUILDKIT, "a")
                .decide("a", false, PatternMatcher.MatchState.ROOT);
        assertTrue(decision.excluded());
        assertFalse(decision.pruned());
    }

    @Test
    void aLiteralExceptionInsideKeepsTheDirectoryOpenForBothBuilders() {
        for (Builder builder : Builder.values()) {
            ContextFilter filter = filter(builder, "node_modules", "!node_modules/keep/**");
            assertFalse(filter.decide("node_modules", true, PatternMatcher.MatchState.ROOT).pruned());
            assertTrue(filter.isExcluded("node_modules"));
            assertTrue(filter.isExcluded("node_modules/other/x.js"));
            assertFalse(filter.isExcluded("node_modules/keep/x.js"));
        }
    }

    @Test
    void aWildcardExceptionStopsBuildkitFromSkippingButNotTheClassicBuilder() {
        ContextFilter buildkit = filter(Builder.BUILDKIT, "node_modules", "!**/keep.txt");
        assertFalse(buildkit.decide("node_modules", true, PatternMatcher.MatchState.ROOT).pruned());
        assertFalse(buildkit.isExcluded("node_modules/x/keep.txt"));
        assertTrue(buildkit.isExcluded("node_modules/x/other.txt"));

        ContextFilter classic = filter(Builder.CLASSIC, "node_modules", "!**/keep.txt");
        assertTrue(classic.decide("node_modules", true, PatternMatcher.MatchState.ROOT).pruned());
        assertTrue(classic.isExcluded("node_modules/x/keep.txt"));
        assertFalse(classic.isExcluded("src/keep.txt"));
    }

    @Test
    void buildkitComparesExceptionsWithoutATrailingGlob() {
        // "!docs/*" keeps "docs" open for both; "!docs/api*" has a wildcard before the end
        assertFalse(filter(Builder.BUILDKIT, "docs", "!docs/*").decide("docs", true, PatternMatcher.MatchState.ROOT)
                .pruned());
        assertFalse(filter(Builder.CLASSIC, "docs", "!docs/*").decide("docs", true, PatternMatcher.MatchState.ROOT)
                .pruned());
        assertFalse(filter(Builder.BUILDKIT, "docs", "!docs/api*").isExcluded("docs/api-v1"));
        assertFalse(filter(Builder.CLASSIC, "docs", "!docs/api*").isExcluded("docs/api-v1"));
        assertFalse(filter(Builder.BUILDKIT, "docs", "!other").decide("other", true, PatternMatcher.MatchState.ROOT)
                .excluded());
        assertTrue(filter(Builder.BUILDKIT, "docs", "!other").decide("docs", true, PatternMatcher.MatchState.ROOT)
                .pruned());
    }

    @Test
    void aPrefixIsComparedPerPathElement() {
        ContextFilter filter = filter(Builder.BUILDKIT, "a", "!ab/c");
        assertTrue(filter.decide("a", true, PatternMatcher.MatchState.ROOT).pruned());
        assertFalse(filter.isExcluded("ab/c"));
    }

    @Test
    void theClassicBuilderRemovesTheDockerfileWhenParentMatchingExcludesIt() {
        String[] lines = {"sub", "!sub/Dockerfile", "sub"};
        Optional<String> dockerfile = Optional.of("sub/Dockerfile");
        assertFalse(filter(Builder.BUILDKIT, dockerfile, lines).isExcluded("sub/Dockerfile"));
        assertTrue(filter(Builder.CLASSIC, dockerfile, lines).isExcluded("sub/Dockerfile"));
        assertFalse(filter(Builder.CLASSIC, Optional.empty(), lines).isExcluded("sub/Dockerfile"));
    }

    @Test
    void theClassicClientAppendsExceptionsForExcludedBuildFiles() {
        ContextFilter classic = filter(Builder.CLASSIC, Optional.of("sub/Dockerfile"), "sub", "!**/keep.txt", ".*");
        assertEquals(List.of(
                new IgnorePattern(1, "sub", false),
                new IgnorePattern(2, "**/keep.txt", true),
                new IgnorePattern(3, ".*", false),
                new IgnorePattern(IgnorePattern.ADDED_BY_CLIENT, ".dockerignore", true),
                new IgnorePattern(IgnorePattern.ADDED_BY_CLIENT, "sub/Dockerfile", true)),
                classic.matcher().patterns());
        // the appended "!sub/Dockerfile" keeps "sub" open, so the wildcard exception re-includes inside it
        assertFalse(classic.decide("sub", true, PatternMatcher.MatchState.ROOT).pruned());
        assertFalse(classic.isExcluded("sub/keep.txt"));
        assertTrue(classic.isExcluded("sub/other"));
        // the daemon deletes both build files again
        assertTrue(classic.isExcluded("sub/Dockerfile"));
        assertTrue(classic.isExcluded(".dockerignore"));

        assertEquals(3, filter(Builder.BUILDKIT, Optional.of("sub/Dockerfile"), "sub", "!**/keep.txt", ".*")
                .matcher().patterns().size());
        assertEquals(1, filter(Builder.CLASSIC, Optional.of("Dockerfile"), "target").matcher().patterns().size());
    }

    @Test
    void theBuildFilesThemselvesCanBeExcluded() {
        for (Builder builder : Builder.values()) {
            ContextFilter filter = filter(builder, Optional.of("Dockerfile"), "Dockerfile", ".dockerignore");
            assertTrue(filter.isExcluded("Dockerfile"));
            assertTrue(filter.isExcluded(".dockerignore"));
            assertFalse(filter.isExcluded("src/Dockerfile"));
        }
    }

    @Test
    void queriesAreCleanedAndTheRootIsNeverExcluded() {
        ContextFilter filter = filter(Builder.BUILDKIT, "*");
        assertFalse(filter.isExcluded("."));
        assertFalse(filter.isExcluded("/"));
        assertFalse(filter.isExcluded(""));
        assertTrue(filter.isExcluded("./x"));
        assertTrue(filter.isExcluded("/x/"));
        assertTrue(filter.isExcluded("y/../x"));
        assertEquals(Builder.BUILDKIT, filter.builder());
    }

    @Test
    void anEmptyIgnoreFileSendsEverything() {
        ContextFilter filter = ContextFilter.of(IgnoreFile.empty(".dockerignore"), Builder.CLASSIC,
                Optional.of("Dockerfile"));
        assertFalse(filter.isExcluded("Dockerfile"));
        assertFalse(filter.isExcluded(".git/config"));
    }
}
