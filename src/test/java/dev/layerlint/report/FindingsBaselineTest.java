package dev.layerlint.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FindingsBaselineTest {

    @TempDir
    Path dir;

    private static Finding finding(String rule, int line, String message) {
        return new Finding(rule, Severity.WARNING, "orders/Dockerfile", line, 1, line, message, Optional.empty());
    }

    /** Anchors by line, as the instruction texts of a Dockerfile would give them. */
    private static Function<Finding, String> anchors(String... byLine) {
        return f -> f.line() > 0 && f.line() <= byLine.length ? byLine[f.line() - 1] : FindingsBaseline.quotedName(f.message());
    }

    @Test
    void recordsSortedLinesAndMarksThemKnownWhereverTheInstructionMoved() throws Exception {
        Path file = dir.resolve(FindingsBaseline.DEFAULT_FILE);
        List<Finding> today = List.of(finding("RunsAsRoot", 1, "m1"), finding("PipCacheKept", 3, "m2"),
                finding("PipCacheKept", 4, "m3"));
        Function<Finding, String> before = anchors("FROM python:3.12", "COPY . /app", "RUN pip install  -r req.txt", "RUN pip install -r req.txt");
        FindingsBaseline.empty().recording("lint", today, before).write(file);
        assertEquals("""
                lint\tPipCacheKept\torders/Dockerfile\tRUN pip install -r req.txt
                lint\tPipCacheKept\torders/Dockerfile\tRUN pip install -r req.txt
                lint\tRunsAsRoot\torders/Dockerfile\tFROM python:3.12
                """, Files.readString(file).lines().filter(l -> !l.startsWith("#")).map(l -> l + "\n").reduce("", String::concat));

        // two lines inserted above: the same instructions, two lines lower, and one new finding
        Function<Finding, String> after = anchors("# syntax=docker/dockerfile:1", "ARG V=1", "FROM python:3.12", "COPY . /app",
                "RUN pip install -r req.txt", "RUN pip install -r req.txt", "RUN pip install -r more.txt");
        FindingsBaseline.Known known = FindingsBaseline.read(file, "layerlint-known-findings.txt").known("lint", after);
        List<Finding> marked = known.mark(List.of(finding("RunsAsRoot", 3, "m1"), finding("PipCacheKept", 5, "m2"),
                finding("PipCacheKept", 6, "m3"), finding("PipCacheKept", 7, "m4")));
        assertEquals(List.of("INFO RunsAsRoot known (in the findings baseline): m1", "INFO PipCacheKept known (in the findings baseline): m2",
                        "INFO PipCacheKept known (in the findings baseline): m3", "WARNING PipCacheKept m4"),
                marked.stream().map(f -> f.severity() + " " + f.ruleId() + " " + f.message()).toList());
        assertEquals(3, known.count());
    }

    @Test
    void eachEntryMatchesOneFindingAndOtherGoalsStay() throws Exception {
        Function<Finding, String> none = f -> FindingsBaseline.quotedName(f.message());
        FindingsBaseline baseline = FindingsBaseline.empty()
                .recording("dockerignore", List.of(finding("RequiredExclusionMissing", 0, "`target` is not excluded, 2 files")), none)
                .recording("lint", List.of(finding("X", 0, "`a`")), none);
        FindingsBaseline.Known known = baseline.known("dockerignore", none);
        List<Finding> marked = known.mark(List.of(finding("RequiredExclusionMissing", 0, "`target` is not excluded, 9 files"),
                finding("RequiredExclusionMissing", 0, "`target` is not excluded, 9 files"), finding("X", 0, "`a`")));
        assertEquals(List.of(Severity.INFO, Severity.WARNING, Severity.WARNING), marked.stream().map(Finding::severity).toList());

        FindingsBaseline updated = baseline.recording("lint", List.of(), none);
        assertEquals(List.of("dockerignore"), updated.entries().stream().map(FindingsBaseline.Entry::goal).toList());
        assertEquals(0, updated.count("lint"));
    }

    @Test
    void aMissingFileIsAnEmptyBaselineAndABrokenOneIsNamed() throws Exception {
        assertEquals(List.of(), FindingsBaseline.read(dir.resolve("none.txt"), "none.txt").entries());
        Files.writeString(dir.resolve("bad.txt"), "# header\nlint RunsAsRoot Dockerfile FROM x\n");
        assertEquals("bad.txt:2: expected goal, rule, file and anchor separated by tabs; record the file anew with "
                        + "-Dlayerlint.updateFindingsBaseline=true",
                assertThrows(FindingsBaseline.InvalidException.class, () -> FindingsBaseline.read(dir.resolve("bad.txt"), "bad.txt"))
                        .getMessage());
        Files.createDirectory(dir.resolve("folder"));
        assertEquals("folder is not a regular file; point layerlint.findingsBaseline at the baseline file",
                assertThrows(FindingsBaseline.InvalidException.class, () -> FindingsBaseline.read(dir.resolve("folder"), "folder"))
                        .getMessage());
    }
}
