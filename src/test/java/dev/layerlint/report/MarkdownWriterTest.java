package dev.layerlint.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MarkdownWriterTest {

    private static final String DOCS = "https://github.com/layerlint/layerlint/blob/main/docs/rules/";

    @TempDir
    Path project;

    @Test
    void findingsTableWithEscapedCellsAndRuleLinks() throws Exception {
        Path written = new MarkdownWriter().write(ReportFixtures.lint(), ReportFixtures.target(project, Optional.empty())).get(0);

        assertEquals(project.resolve("target/layerlint/lint.md"), written);
        assertEquals("""
                ### layerlint lint: 1 error, 1 warning, 1 info

                | Severity | Location | Rule | Message |
                |---|---|---|---|
                | warning | `Dockerfile:1:1` | [BaseImageUnpinned](%1$sBaseImageUnpinned.md) | base image python:latest is on \\`latest\\`; pin a version tag |
                | info | `Dockerfile:4:1` | [ConsecutiveRuns](%1$sConsecutiveRuns.md) | 2 consecutive RUN instructions (lines 4, 5) \\| combine them with && &lt;one layer&gt; |
                | error | `services/api/Dockerfile:1:1` | [RunsAsRoot](%1$sRunsAsRoot.md) | the final stage (FROM eclipse-temurin:21-jre) never sets USER |
                """.formatted(DOCS), Files.readString(written));
    }

    @Test
    void imageSizeAgainstBudgetsAndTheLargestLayers() {
        assertEquals("""
                ### layerlint inspect: 1 error, 0 warnings, 0 infos

                | Severity | Location | Rule | Message |
                |---|---|---|---|
                | error | `Dockerfile` | SizeBudget | image shop/api:1.0 is 231.4 MB, over its 200.0 MB budget |

                #### Image `shop/api:1.0`: 231.4 MB in 4 layers, 18.5 MB wasted (92.0 % efficiency)

                | Budget | Limit | Actual | Result |
                |---|---:|---:|---|
                | size | 200.0 MB | 231.4 MB | **over** |
                | layers | 10 | 3 | within |

                Largest layers:

                | Layer | Size | Wasted | Instruction | Created by |
                |---:|---:|---:|---|---|
                | 2 | 120.0 MB | 18.5 MB | `Dockerfile:4` | `RUN /bin/sh -c apt-get update && apt-get install -y build-essential` |
                | 0 | 74.8 MB | 0 B |  | `/bin/sh -c #(nop) ADD file:9a3 in /` |
                | 3 | 36.6 MB | 0 B | `Dockerfile:7` | `COPY target/app.jar /app/app.jar` |
                """, new MarkdownWriter().render(ReportFixtures.inspect()));
    }

    @Test
    void oneLayerIsCountedInTheSingular() {
        String image = new MarkdownWriter().render(ReportFixtures.singles().get(0));
        assertEquals(List.of("#### Image `tool:1`: 1.0 kB in 1 layer, 0 B wasted (100.0 % efficiency)"),
                image.lines().filter(line -> line.startsWith("#### Image")).toList());
    }

    @Test
    void buildContextsWithTheirLargestFiles() {
        assertEquals("""
                ### layerlint dockerignore: 0 errors, 1 warning, 0 infos

                | Severity | Location | Rule | Message |
                |---|---|---|---|
                | warning | `.dockerignore` | GitInContext | .git is sent to the builder (12.0 MB) |

                #### Build contexts

                | Dockerfile | Context | Files | Size | Largest files |
                |---|---|---:|---:|---|
                | `Dockerfile` | `.` | 1,234 | 56.7 MB | `data/sample.csv` 40.0 MB, `.git/objects/pack/pack-1.pack` 12.0 MB |
                """, new MarkdownWriter().render(ReportFixtures.dockerignore()));
    }

    @Test
    void noFindingsSaysSo() {
        ReportModel clean = new ReportModel(new GoalReport("1", "lint", List.of(), java.util.Map.of()),
                ReportScope.NONE, Optional.empty(), List.of());

        assertEquals("### layerlint lint: 0 errors, 0 warnings, 0 infos\n\nNo findings.\n", new MarkdownWriter().render(clean));
    }

    @Test
    void isAppendedToTheGitHubStepSummary() throws Exception {
        Path summary = project.resolve("step-summary.md");
        Files.writeString(summary, "# Build\n");
        ReportTarget target = new ReportTarget(project, project.resolve("out"), Optional.empty(), Optional.of(summary));

        List<Path> written = new MarkdownWriter().write(ReportFixtures.dockerignore(), target);
        new MarkdownWriter().write(ReportFixtures.dockerignore(), target);

        assertEquals(List.of(project.resolve("out/dockerignore.md"), summary), written);
        String one = new MarkdownWriter().render(ReportFixtures.dockerignore());
        assertEquals("# Build\n" + one + "\n" + one + "\n", Files.readString(summary));
    }

    @Test
    void codeSpansFallBackToEscapedTextAroundBackticks() {
        assertEquals("`a\\|b`", MarkdownWriter.code("a|b"));
        assertEquals("echo \\`id\\`", MarkdownWriter.code("echo `id`"));
        assertEquals("`RUN a b`", MarkdownWriter.code("RUN a \\\n    b".replace("\\\n", "\n")));
    }
}
