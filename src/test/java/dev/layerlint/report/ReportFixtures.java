package dev.layerlint.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Hand-made reports the writer tests share: lint findings, an inspected image and a build context. */
final class ReportFixtures {

    static final String VERSION = "1.2.3";

    static final String ROOT_DOCKERFILE = String.join("\n",
            "FROM python:latest",
            "WORKDIR /app",
            "COPY . .",
            "RUN pip install -r requirements.txt",
            "RUN python -m compileall .",
            "CMD python app.py",
            "");

    static final String API_DOCKERFILE = String.join("\n",
            "FROM eclipse-temurin:21-jre",
            "COPY target/app.jar /app/app.jar",
            "CMD [\"java\", \"-jar\", \"/app/app.jar\"]",
            "");

    static final Finding UNPINNED = new Finding("BaseImageUnpinned", Severity.WARNING, "Dockerfile", 1, 1, 1,
            "base image python:latest is on `latest`; pin a version tag", Optional.empty());
    static final Finding RUNS = new Finding("ConsecutiveRuns", Severity.INFO, "Dockerfile", 4, 1, 5,
            "2 consecutive RUN instructions (lines 4, 5) | combine them with && <one layer>",
            Optional.of(ChecklistItem.COMBINE_RUNS));
    static final Finding ROOT = new Finding("RunsAsRoot", Severity.ERROR, "services/api/Dockerfile", 1, 1, 1,
            "the final stage (FROM eclipse-temurin:21-jre) never sets USER", Optional.of(ChecklistItem.NON_ROOT));

    static final ReportScope LINT_SCOPE = new ReportScope(
            List.of("services/api/Dockerfile", "Dockerfile"),
            List.of("RunsAsRoot", "BaseImageUnpinned", "ConsecutiveRuns"));

    private ReportFixtures() {
    }

    static GoalReport lintReport() {
        return new GoalReport(VERSION, "lint", List.of(ROOT, RUNS, UNPINNED), Map.of());
    }

    static ReportModel lint() {
        return new ReportModel(lintReport(), LINT_SCOPE, Optional.empty(), List.of());
    }

    static ImageSummary image() {
        return new ImageSummary("shop/api:1.0", 231_400_000L,
                List.of(
                        new LayerSummary(0, 74_800_000L, 0, "/bin/sh -c #(nop) ADD file:9a3 in / ", Optional.empty(), 0),
                        new LayerSummary(1, 0, 0, "/bin/sh -c #(nop)  ENV LANG=C.UTF-8", Optional.empty(), 0),
                        new LayerSummary(2, 120_000_000L, 18_500_000L,
                                "RUN /bin/sh -c apt-get update && apt-get install -y build-essential",
                                Optional.of("Dockerfile"), 4),
                        new LayerSummary(3, 36_600_000L, 0, "COPY target/app.jar /app/app.jar", Optional.of("Dockerfile"), 7)),
                18_500_000L, 0.92,
                List.of(new BudgetLine("size", 200_000_000L, 231_400_000L, false),
                        new BudgetLine("layers", 10, 3, true)),
                List.of(new FileSize("usr/lib/x86_64-linux-gnu/libLLVM-15.so.1", 98_000_000L),
                        new FileSize("app/app.jar", 36_000_000L),
                        new FileSize("var/cache/apt/pkgcache.bin", 28_000_000L)));
    }

    static ContextSummary context() {
        return new ContextSummary("Dockerfile", ".", 1234, 56_700_000L,
                List.of(new FileSize("data/sample.csv", 40_000_000L), new FileSize(".git/objects/pack/pack-1.pack", 12_000_000L)));
    }

    /** A one-layer image and a one-file build context: what the writers count in the singular. */
    static List<ReportModel> singles() {
        ImageSummary image = new ImageSummary("tool:1", 1_000, List.of(new LayerSummary(0, 1_000, 0, "COPY tool /tool",
                Optional.of("Dockerfile"), 2)), 0, 1.0, List.of(), List.of());
        ContextSummary context = new ContextSummary("Dockerfile", ".", 1, 40, List.of());
        return List.of(
                new ReportModel(new GoalReport(VERSION, "inspect", List.of(), Map.of()), ReportScope.NONE, Optional.of(image), List.of()),
                new ReportModel(new GoalReport(VERSION, "dockerignore", List.of(), Map.of()), ReportScope.NONE, Optional.empty(),
                        List.of(context)));
    }

    static ReportModel inspect() {
        Finding budget = new Finding("SizeBudget", Severity.ERROR, "Dockerfile", 0, 0, 0,
                "image shop/api:1.0 is 231.4 MB, over its 200.0 MB budget", Optional.empty());
        return new ReportModel(new GoalReport(VERSION, "inspect", List.of(budget), Map.of()),
                ReportScope.NONE, Optional.of(image()), List.of());
    }

    static ReportModel dockerignore() {
        Finding git = new Finding("GitInContext", Severity.WARNING, ".dockerignore", 0, 0, 0,
                ".git is sent to the builder (12.0 MB)", Optional.of(ChecklistItem.DOCKERIGNORE));
        return new ReportModel(new GoalReport(VERSION, "dockerignore", List.of(git), Map.of()),
                ReportScope.NONE, Optional.empty(), List.of(context()));
    }

    /** A project directory with the fixture Dockerfiles, so excerpts can be read. */
    static Path project(Path directory) throws IOException {
        Files.writeString(directory.resolve("Dockerfile"), ROOT_DOCKERFILE);
        Files.createDirectories(directory.resolve("services/api"));
        Files.writeString(directory.resolve("services/api/Dockerfile"), API_DOCKERFILE);
        return directory;
    }

    static ReportTarget target(Path project, Optional<Severity> failOn) {
        return new ReportTarget(project, project.resolve("target/layerlint"), failOn, Optional.empty());
    }
}
