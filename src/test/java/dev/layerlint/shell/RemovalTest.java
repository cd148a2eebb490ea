package dev.layerlint.shell;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What rm and find remove, and which paths a removal covers. */
class RemovalTest {

    @Test
    void aptListsContentClearsTheDirectory() {
        ShellScript script = ShellReader.read(
                "apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*");
        assertEquals(List.of("/var/lib/apt/lists/*"), script.removedPaths());
        assertTrue(script.removes("/var/lib/apt/lists"));
        assertTrue(script.removes("/var/lib/apt/lists/"));
        assertTrue(script.removes("/var/lib/apt/lists/partial/x.deb"));
        assertFalse(script.removes("/var/lib/apt"));
        assertFalse(script.removes("/var/lib/apt/listsx"));
    }

    @Test
    void removingADirectoryRemovesWhatIsUnderIt() {
        ShellScript script = ShellReader.read("rm -r -f -- /root/.cache/pip/ -rf-is-a-path");
        assertEquals(List.of("/root/.cache/pip/", "-rf-is-a-path"), script.removedPaths());
        assertTrue(script.removes("/root/.cache/pip"));
        assertTrue(script.removes("/root/.cache/pip/http/x"));
        assertFalse(script.removes("/root/.cache"));
    }

    @Test
    void optionsMayFollowOperands() {
        assertEquals(List.of("/tmp/a", "/tmp/b"), ShellReader.read("rm /tmp/a -rf /tmp/b").removedPaths());
    }

    @Test
    void globsMatchWithinSegments() {
        ShellScript script = ShellReader.read("rm -f /usr/lib/python3*/site-packages/*.pyc /tmp/file?.[ch]");
        assertTrue(script.removes("/usr/lib/python3.11/site-packages/a.pyc"));
        assertFalse(script.removes("/usr/lib/python3.11/site-packages/sub/a.pyc"));
        assertTrue(script.removes("/tmp/file1.c"));
        assertFalse(script.removes("/tmp/file1.o"));
    }

    /**
     * Found by fuzzing: the glob comes from the Dockerfile, and a backtracking regular-expression engine took
     * exponential time on {@code *a*a*…*b} against a long run of {@code a}. The timeout only turns a hang into a
     * failure; the match itself takes microseconds.
     */
    @Test
    void manyStarsMatchInLinearTime() {
        ShellScript script = ShellReader.read("rm -f /tmp/" + "*a".repeat(30) + "*b");
        String almost = "/tmp/" + "a".repeat(200);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            assertFalse(script.removes(almost));
            assertTrue(script.removes(almost + "b"));
        });
    }

    @Test
    void spacesAndSymbolsInGlobsAreLiterals() {
        ShellScript script = ShellReader.read("rm -rf '/srv/my data/*' /opt/€uro/[€x]*");
        assertTrue(script.removes("/srv/my data"));
        assertTrue(script.removes("/srv/my data/file"));
        assertFalse(script.removes("/srv/my"));
        assertTrue(script.removes("/opt/€uro/€1"));
        assertFalse(script.removes("/opt/€uro/y1"));
    }

    @Test
    void oddBracketExpressionsAreLiteral() {
        ShellScript script = ShellReader.read("rm -rf /a/[z-a] /b/[!] /c/[^x-] /d/[ab");
        assertTrue(script.removes("/a/z"));
        assertFalse(script.removes("/a/b"));
        assertTrue(script.removes("/b/[!]"));
        assertTrue(script.removes("/c/y"));
        assertFalse(script.removes("/c/x"));
        assertFalse(script.removes("/c/-"));
        assertTrue(script.removes("/d/[ab"));
    }

    @Test
    void pathsAreComparedAsWritten() {
        ShellScript script = ShellReader.read("rm -rf \"$HOME\"/.cache ~/.npm node_modules//.cache");
        assertEquals(List.of("$HOME/.cache", "~/.npm", "node_modules//.cache"), script.removedPaths());
        assertTrue(script.removes("$HOME/.cache"));
        assertTrue(script.removes("node_modules/.cache"));
        assertFalse(script.removes("/root/.cache"));
    }

    @Test
    void findDeleteRemovesItsStartingPoints() {
        ShellScript script = ShellReader.read("find /var/cache/apt /var/lib/apt/lists -mindepth 1 -type f -delete");
        assertEquals(List.of("/var/cache/apt", "/var/lib/apt/lists"), script.removedPaths());
        assertTrue(script.removes("/var/lib/apt/lists"));
    }

    @Test
    void findByNameRemovesMatchingPathsAnywhereBelow() {
        ShellScript script = ShellReader.read(
                "find /usr/local -depth \\( \\( -type d -a \\( -name test -o -name tests \\) \\) "
                + "-o \\( -type f -a \\( -name '*.pyc' -o -name '*.pyo' \\) \\) \\) -exec rm -rf '{}' +");
        assertEquals(List.of("/usr/local/**/test", "/usr/local/**/tests", "/usr/local/**/*.pyc", "/usr/local/**/*.pyo"),
                script.removedPaths());
        assertTrue(script.removes("/usr/local/lib/python3.12/test/x.py"));
        assertTrue(script.removes("/usr/local/a.pyc"));
        assertFalse(script.removes("/usr/local/lib/a.py"));
        assertFalse(script.removes("/usr/local"));
    }

    @Test
    void findWithoutDeletionRemovesNothing() {
        assertEquals(List.of(),
                ShellReader.read("find / -name '*.pyc' -print; find /x -exec chmod 644 {} +").removedPaths());
    }

    @Test
    void findNegatedNameIsNoSelection() {
        assertEquals(List.of("/opt/**/*.so"),
                ShellReader.read("find /opt ! -name '*.a' -name '*.so' -delete").removedPaths());
    }

    @Test
    void findSelectingByPathPatternIsNotGuessed() {
        assertEquals(List.of(), ShellReader.read("find /usr -path '*/doc/*' -delete").removedPaths());
    }

    @Test
    void removalsInsideNestedShellsAndThroughWrappersCount() {
        ShellScript script = ShellReader.read("sudo sh -c 'apk add x && rm -rf /var/cache/apk/*'");
        assertTrue(script.removes("/var/cache/apk"));
    }

    @Test
    void seedsChainedCleanup() {
        ShellScript script = ShellReader.read("pip install --no-cache-dir -r runtime_requirements.txt && \n"
                + "    pip cache purge && \n"
                + "    rm -rf /tmp/* /var/tmp/* && \n"
                + "    find /usr/local/lib/python*/site-packages/ -name \"*.pyc\" -delete && \n"
                + "    find /usr/local/lib/python*/site-packages/ -name \"__pycache__\" -type d "
                + "-exec rm -rf {} + || true");
        assertEquals(List.of("/tmp/*", "/var/tmp/*", "/usr/local/lib/python*/site-packages/**/*.pyc",
                "/usr/local/lib/python*/site-packages/**/__pycache__"), script.removedPaths());
        assertTrue(script.removes("/tmp"));
        assertTrue(script.removes("/usr/local/lib/python3.10/site-packages/torch/__pycache__/a.cpython-310.pyc"));
        assertEquals(Connector.OR, script.commands().get(script.commands().size() - 1).connector());
    }
}
