package dev.layerlint.fix;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LineDiffTest {

    @Test
    void aChangedLineGetsThreeLinesOfContext() {
        String before = "a\nb\nc\nd\ne\nf\ng\nh\n";
        String after = "a\nb\nc\nd\nE\nf\ng\nh\n";
        assertEquals("--- a/Dockerfile\n+++ b/Dockerfile\n@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n",
                new LineDiff(before, after).unified("Dockerfile"));
    }

    @Test
    void mergedLinesAndTheLinesAfterThemMapBackToTheOldText() {
        String before = "FROM x\nRUN a\nRUN b\nCMD c\n";
        String after = "FROM x\nRUN a \\\n    && b\nCMD c\n";
        LineDiff diff = new LineDiff(before, after);
        assertEquals(1, diff.oldLine(1));
        assertEquals(2, diff.oldLine(2));
        assertEquals(4, diff.oldLine(4));
        assertEquals("--- a/f\n+++ b/f\n@@ -1,4 +1,4 @@\n FROM x\n-RUN a\n-RUN b\n+RUN a \\\n+    && b\n CMD c\n",
                diff.unified("f"));
    }

    @Test
    void equalTextsHaveNoDiffAndAMissingFinalLineBreakIsMarked() {
        assertEquals("", new LineDiff("a\n", "a\n").unified("f"));
        assertEquals("--- a/f\n+++ b/f\n@@ -1,1 +1,1 @@\n-a\n\\ No newline at end of file\n+b\n\\ No newline at end of file\n",
                new LineDiff("a", "b").unified("f"));
    }
}
