package dev.layerlint.rules;

import dev.layerlint.dockerfile.DockerfileParser;
import dev.layerlint.report.ChecklistItem;
import dev.layerlint.report.Finding;
import dev.layerlint.report.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The checklist of the layer best-practices guide, one Dockerfile item by item, written for this project: each bad
 * service breaks exactly its item and gets exactly the findings named (rule and line) for it; the good service keeps
 * every item and gets no warning. Runs without the guide itself ({@link SeedExamplesTest} reads that when it is there).
 */
class ChecklistExamplesTest {

    private record Example(String dockerfile, List<String> findings) {
    }

    private static final String GOOD = """
            FROM python:3.12.7-slim AS build
            RUN apt-get update \\
             && apt-get install -y --no-install-recommends gcc libpq-dev \\
             && rm -rf /var/lib/apt/lists/*
            WORKDIR /src
            COPY requirements.txt .
            RUN pip install --no-cache-dir --prefix=/install -r requirements.txt

            FROM python:3.12.7-slim
            RUN useradd --create-home --uid 10001 app
            COPY --from=build /install /usr/local
            WORKDIR /srv
            COPY --chown=app:app service/ ./service/
            USER app
            HEALTHCHECK CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://localhost:8000/health')"]
            CMD ["python", "-m", "service"]
            """;

    /** A bad service for each checklist item a Dockerfile can break, and the findings of that item's rules. */
    private static final Map<ChecklistItem, Example> BAD = Map.of(
            ChecklistItem.MULTI_STAGE, new Example("""
                    FROM python:3.12.7-slim
                    RUN apt-get update && apt-get install -y --no-install-recommends gcc && rm -rf /var/lib/apt/lists/*
                    USER 10001
                    HEALTHCHECK CMD ["true"]
                    CMD ["python", "app.py"]
                    """, List.of("BuildToolchainInImage:2")),
            ChecklistItem.SLIM_BASE, new Example("""
                    FROM node:22.11.0
                    USER node
                    HEALTHCHECK CMD ["true"]
                    CMD ["node", "server.js"]
                    """, List.of("FullBaseImage:1")),
            ChecklistItem.DEPENDENCIES_BEFORE_CODE, new Example("""
                    FROM node:22.11.0-slim
                    WORKDIR /srv
                    COPY . .
                    RUN npm ci --omit=dev && npm cache clean --force
                    USER node
                    HEALTHCHECK CMD ["true"]
                    CMD ["node", "server.js"]
                    """, List.of("DependenciesAfterSource:4")),
            ChecklistItem.NO_CACHE, new Example("""
                    FROM python:3.12.7-slim
                    COPY requirements.txt .
                    RUN pip install -r requirements.txt
                    USER 10001
                    HEALTHCHECK CMD ["true"]
                    CMD ["python", "app.py"]
                    """, List.of("PipCacheKept:3", "PythonBytecodeKept:3")),
            ChecklistItem.CLEANUP_SAME_RUN, new Example("""
                    FROM debian:12.8-slim
                    RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates
                    RUN rm -rf /var/lib/apt/lists/*
                    USER 10001
                    HEALTHCHECK CMD ["true"]
                    CMD ["sleep", "infinity"]
                    """, List.of("AptListsNotRemoved:2", "CleanupInLaterLayer:3", "ConsecutiveRuns:2")),
            ChecklistItem.PRODUCTION_DEPENDENCIES, new Example("""
                    FROM node:22.11.0-slim
                    WORKDIR /srv
                    COPY package.json package-lock.json ./
                    RUN npm ci && npm cache clean --force
                    COPY . .
                    USER node
                    HEALTHCHECK CMD ["true"]
                    CMD ["node", "server.js"]
                    """, List.of("DevDependenciesInImage:4")),
            ChecklistItem.NON_ROOT, new Example("""
                    FROM eclipse-temurin:21.0.5_11-jre
                    COPY app.jar /app/app.jar
                    HEALTHCHECK CMD ["java", "-version"]
                    ENTRYPOINT ["java", "-jar", "/app/app.jar"]
                    """, List.of("RunsAsRoot:1")),
            ChecklistItem.HEALTH_CHECK, new Example("""
                    FROM eclipse-temurin:21.0.5_11-jre
                    COPY app.jar /app/app.jar
                    USER 10001
                    EXPOSE 8080
                    ENTRYPOINT ["java", "-jar", "/app/app.jar"]
                    """, List.of("MissingHealthcheck:4")),
            ChecklistItem.COMBINE_RUNS, new Example("""
                    FROM alpine:3.20.3
                    RUN apk add --no-cache curl
                    RUN apk add --no-cache jq
                    USER 10001
                    HEALTHCHECK CMD ["true"]
                    CMD ["sh"]
                    """, List.of("ConsecutiveRuns:2")),
            ChecklistItem.TAGGED, new Example("""
                    FROM alpine:latest
                    USER 10001
                    HEALTHCHECK CMD ["true"]
                    CMD ["sh"]
                    """, List.of("BaseImageUnpinned:1")));

    private final Linter linter = new Linter(RuleSettings.DEFAULTS);

    private List<Finding> lint(String dockerfile) {
        return linter.lint(DockerfileParser.parse("Dockerfile", dockerfile));
    }

    @ParameterizedTest
    @EnumSource(value = ChecklistItem.class, names = "DOCKERIGNORE", mode = EnumSource.Mode.EXCLUDE)
    void aServiceThatBreaksOneItemGetsExactlyThatItemsFindings(ChecklistItem item) {
        Example bad = BAD.get(item);
        List<String> found = lint(bad.dockerfile()).stream()
                .map(f -> f.ruleId() + ":" + f.line())
                .sorted()
                .toList();
        assertEquals(bad.findings(), found, item.text());
        assertEquals(List.of(item), lint(bad.dockerfile()).stream()
                .filter(f -> f.ruleId().equals(bad.findings().get(0).split(":")[0]))
                .map(f -> f.checklist().orElseThrow()).distinct().toList());
    }

    @Test
    void theGoodServiceKeepsEveryItem() {
        assertEquals(List.of(), lint(GOOD).stream().filter(f -> f.severity().atLeast(Severity.INFO)).map(Finding::toConsoleLine).toList());
    }
}
