package dev.layerlint.rules.context;

import dev.layerlint.rules.ContextOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RequiredExclusionMissingTest {

    @TempDir
    Path root;

    @Test
    void mavenServiceKeepsTheJarItCopiesButNotTheRestOfTarget() throws Exception {
        ContextFixture context = new ContextFixture(root)
                .dockerfile("FROM eclipse-temurin:21-jre", "COPY target/*.jar /app/")
                .dockerignore(".git")
                .file("target/app.jar", 4000)
                .file("target/classes/App.class", 300)
                .file("target/surefire-reports/App.txt", 200)
                .file(".idea/workspace.xml", 50)
                .file("logs/app.log", 25);
        assertEquals(List.of(
                        "warning .dockerignore: [RequiredExclusionMissing] `**/*.log` is not excluded, so the build context "
                                + "sends 1 file (25B) that it matches (logs/app.log); add `**/*.log` to .dockerignore",
                        "warning .dockerignore: [RequiredExclusionMissing] `.idea` is not excluded, so the build context "
                                + "sends 1 file (50B) that it matches (.idea/workspace.xml); add `.idea` to .dockerignore",
                        "warning .dockerignore: [RequiredExclusionMissing] `target` is not excluded, so the build context "
                                + "sends 2 files (500B) that it matches (target/classes/App.class, target/surefire-reports/App.txt); "
                                + "add `target/*` and after it `!target/*.jar` to .dockerignore (excluding `target` alone would "
                                + "leave COPY target/*.jar without its source)"),
                ContextFixture.of("RequiredExclusionMissing", context.lint()));
    }

    @Test
    void theAdviceForTargetAppliedLiterallyKeepsTheCopiedFilesAndEndsBothFindings() throws Exception {
        ContextFixture context = new ContextFixture(root)
                .dockerfile("FROM eclipse-temurin:21-jre", "COPY target/*.jar /app/", "ADD target/lib/agent.jar /opt/agent.jar")
                .dockerignore(".git")
                .file("target/app.jar", 4000)
                .file("target/lib/agent.jar", 700)
                .file("target/lib/other.jar", 600)
                .file("target/classes/App.class", 300);
        List<String> advice = ContextFixture.of("RequiredExclusionMissing", context.lint());
        assertEquals(List.of("warning .dockerignore: [RequiredExclusionMissing] `target` is not excluded, so the build context "
                + "sends 2 files (900B) that it matches (target/classes/App.class, target/lib/other.jar); add `target/*` and after "
                + "it `!target/*.jar` and `!target/lib/agent.jar` to .dockerignore (excluding `target` alone would leave "
                + "COPY target/*.jar, ADD target/lib/agent.jar without their source)"), advice);

        String added = advice.get(0).replaceFirst(".*; add (.*) to \\.dockerignore.*", "$1");
        List<String> lines = new java.util.ArrayList<>(List.of(".git"));
        java.util.regex.Matcher quoted = java.util.regex.Pattern.compile("`([^`]+)`").matcher(added);
        while (quoted.find()) {
            lines.add(quoted.group(1));
        }
        assertEquals(List.of(".git", "target/*", "!target/*.jar", "!target/lib/agent.jar"), lines);
        context.dockerignore(lines.toArray(String[]::new));

        var findings = context.lint();
        assertEquals(List.of(), ContextFixture.of("RequiredExclusionMissing", findings));
        assertEquals(List.of(), ContextFixture.of("CopySourceIgnored", findings));
        var scan = dev.layerlint.context.BuildContext.analyse(root.resolve("Dockerfile"), root, dev.layerlint.context.ScanOptions.DEFAULTS);
        assertEquals(List.of(".dockerignore", "Dockerfile", "target/app.jar", "target/lib/agent.jar"), scan.sentFiles());
    }

    @Test
    void filesTheIgnoreFileReincludesOnPurposeAreNotReported() throws Exception {
        // an allow-list ignore file shared by a JVM and a legacy-jar Dockerfile: each sends what the other copies
        ContextFixture context = new ContextFixture(root)
                .dockerfile("FROM eclipse-temurin:21.0.5_11-jre", "COPY target/lib/* /deployments/lib/",
                        "COPY target/*-runner.jar /deployments/app.jar")
                .dockerignore("*", "!target/*-runner.jar", "!target/lib/*", "!target/quarkus-app/")
                .file("target/app-runner.jar", 900)
                .file("target/lib/dep.jar", 500)
                .file("target/quarkus-app/quarkus-run.jar", 700)
                .file("target/quarkus-app/lib/main/dep.jar", 500)
                .file("target/quarkus-app/quarkus-app-dependencies.txt", 40)
                .file("target/classes/App.class", 300);
        assertEquals(List.of(), ContextFixture.of("RequiredExclusionMissing", context.lint()));

        // without the exceptions of the user's own, target/quarkus-app and target/classes are reported
        context.dockerignore(".git");
        assertEquals(List.of("warning .dockerignore: [RequiredExclusionMissing] `target` is not excluded, so the build context sends "
                        + "4 files (1.54kB) that it matches (target/classes/App.class, target/quarkus-app/lib/main/dep.jar, "
                        + "target/quarkus-app/quarkus-app-dependencies.txt and 1 more); add `target/*` and after it `!target/lib/*` and "
                        + "`!target/*-runner.jar` to .dockerignore (excluding `target` alone would leave COPY target/lib/*, "
                        + "COPY target/*-runner.jar without their source)"),
                ContextFixture.of("RequiredExclusionMissing", context.lint()));
    }

    @Test
    void wholesaleCopyPointsAtTheCopyAndAddsTestsAndDocs() throws Exception {
        ContextFixture context = new ContextFixture(root)
                .dockerfile("FROM python:3.12-slim", "WORKDIR /app", "COPY . .")
                .dockerignore("__pycache__")
                .file("app.py", "print()")
                .file("tests/test_app.py", 10)
                .file("tests/test_more.py", 10)
                .file("tests/data/a.json", 10)
                .file("tests/data/b.json", 10)
                .file("docs/index.md", 5);
        assertEquals(List.of(
                        "warning Dockerfile:3:1: [RequiredExclusionMissing] `docs` is not excluded, so the build context sends "
                                + "1 file (5B) that it matches (docs/index.md) and COPY . puts it in the image; add `docs` to .dockerignore",
                        "warning Dockerfile:3:1: [RequiredExclusionMissing] `tests` is not excluded, so the build context sends "
                                + "4 files (40B) that it matches (tests/data/a.json, tests/data/b.json, tests/test_app.py and 1 more) and COPY . puts "
                                + "them in the image; add `tests` to .dockerignore"),
                ContextFixture.of("RequiredExclusionMissing", context.lint()));
    }

    @Test
    void copyingADirectoryThatHoldsExcludedFilesDoesNotAllowThem() throws Exception {
        ContextFixture context = new ContextFixture(root)
                .dockerfile("FROM node:22-slim", "COPY web /app/web", "COPY build/ /usr/share/nginx/html/")
                .dockerignore(".git")
                .file("web/index.js", "x")
                .file("web/node_modules/left-pad/index.js", 70)
                .file("build/index.html", 20);
        assertEquals(List.of("warning Dockerfile:2:1: [RequiredExclusionMissing] `**/node_modules` is not excluded, so the "
                        + "build context sends 1 file (70B) that it matches (web/node_modules/left-pad/index.js) and COPY web "
                        + "puts it in the image; add `**/node_modules` to .dockerignore"),
                ContextFixture.of("RequiredExclusionMissing", context.lint()));
    }

    @Test
    void testsAndDocsAreFineWhenOnlyNamedFilesAreCopied() throws Exception {
        ContextFixture context = new ContextFixture(root)
                .dockerfile("FROM python:3.12-slim", "COPY app.py /app/")
                .dockerignore(".git")
                .file("app.py", "print()")
                .file("tests/test_app.py", 10)
                .file("docs/index.md", 5);
        assertEquals(List.of(), ContextFixture.of("RequiredExclusionMissing", context.lint()));
    }

    @Test
    void configuredListReplacesTheDefaults() throws Exception {
        ContextFixture context = new ContextFixture(root)
                .dockerfile("FROM python:3.12-slim", "COPY app.py /app/")
                .dockerignore(".git")
                .file("app.py", "print()")
                .file("target/x", 1)
                .file("cache/a/b", 2);
        ContextOptions options = ContextOptions.parse(List.of("cache/"), List.of(), List.of(), Optional.empty());
        assertEquals(List.of("warning .dockerignore: [RequiredExclusionMissing] `cache` is not excluded, so the build context "
                        + "sends 1 file (2B) that it matches (cache/a/b); add `cache` to .dockerignore"),
                ContextFixture.of("RequiredExclusionMissing", context.lint(options)));
    }
}
