package dev.layerlint.rules.dockerfile;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.layerlint.rules.LintAssertions.hits;
import static dev.layerlint.rules.LintAssertions.lint;
import static org.junit.jupiter.api.Assertions.assertEquals;

class FirstRulesTest {

    @Test
    void runsAsRootWithoutUser() {
        assertEquals(List.of("RunsAsRoot@3"), hits("RunsAsRoot", "FROM maven:3.9 AS build\nUSER app\nFROM eclipse-temurin:21-jre\nCMD [\"java\"]\n"));
    }

    @Test
    void runsAsRootWhenLastUserIsRoot() {
        assertEquals(List.of("RunsAsRoot@4"), hits("RunsAsRoot", "FROM alpine:3.19\nUSER app\nRUN x\nUSER root\n"));
        assertEquals(List.of("RunsAsRoot@2"), hits("RunsAsRoot", "FROM alpine:3.19\nUSER 0:0\n"));
    }

    @Test
    void runsAsRootQuietCases() {
        assertEquals(List.of(), hits("RunsAsRoot", "FROM alpine:3.19\nUSER root\nRUN apk add x\nUSER 10001\n"));
        assertEquals(List.of(), hits("RunsAsRoot", "FROM gcr.io/distroless/java21-debian12:nonroot\nCOPY a b\n"));
        assertEquals(List.of(), hits("RunsAsRoot", "FROM alpine:3.19\nUSER ${APP_USER}\n".replace("${APP_USER}", "$APP_USER")),
                "USER from a variable: 'root' is not the literal value");
        assertEquals(List.of(), hits("RunsAsRoot", "FROM alpine:3.19 AS base\nUSER app\nFROM base\nCMD [\"x\"]\n"),
                "USER inherited from the parent stage");
    }

    @Test
    void runsAsRootInheritedRootFromParentStage() {
        assertEquals(List.of("RunsAsRoot@2"), hits("RunsAsRoot", "FROM alpine:3.19 AS base\nUSER root\nFROM base\n"));
    }

    @Test
    void baseImageUnpinned() {
        String df = "ARG TAG\nFROM python AS a\nFROM python:latest AS b\nFROM python:3.11.6-slim AS c\nFROM python@sha256:abc AS d\n"
                + "FROM a\nFROM scratch\nFROM python:$TAG\nFROM registry.example.com:5000/team/app\n";
        assertEquals(List.of("BaseImageUnpinned@2", "BaseImageUnpinned@3", "BaseImageUnpinned@9"), hits("BaseImageUnpinned", df));
        assertEquals("base image python has no tag, so every build takes whatever `latest` is that day: "
                + "pin a version tag such as python:<version>", lint(df).get(0).message());
    }

    @Test
    void consecutiveRunsReportsEachGroupOnce() {
        String df = "FROM alpine:3.19\nRUN a\nRUN b\n# note\nRUN c\nCOPY x y\nRUN d\nRUN --mount=type=cache,target=/c e\nRUN --mount=type=cache,target=/c f\n";
        assertEquals(List.of("ConsecutiveRuns@2", "ConsecutiveRuns@8"), hits("ConsecutiveRuns", df));
        var f = lint(df).stream().filter(x -> x.ruleId().equals("ConsecutiveRuns")).toList();
        assertEquals(5, f.get(0).endLine());
        assertEquals("3 consecutive RUN instructions (lines 2, 3, 5) make 3 layers: chain them with && into one RUN", f.get(0).message());
    }

    @Test
    void shellFormCommand() {
        String df = "FROM alpine:3.19\nCMD java -jar app.jar\nENTRYPOINT [\"tini\", \"--\"]\nENTRYPOINT exec java $OPTS -jar app.jar\n";
        assertEquals(List.of("ShellFormCommand@2", "ShellFormCommand@4"), hits("ShellFormCommand", df));
        var messages = lint(df).stream().filter(x -> x.ruleId().equals("ShellFormCommand")).map(x -> x.message()).toList();
        assertEquals("CMD in shell form runs under /bin/sh -c, which does not forward SIGTERM to the program: "
                + "write it in JSON form, CMD [\"java\", \"-jar\", \"app.jar\"]", messages.get(0));
        assertEquals(true, messages.get(1).endsWith("ENTRYPOINT [\"program\", \"arg\", …] (exec the program at the end of a script if it needs a shell)"));
    }
}
