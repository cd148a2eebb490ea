package dev.layerlint.rules.dockerfile;

import dev.layerlint.rules.Linter;
import dev.layerlint.rules.RuleOptions;
import dev.layerlint.rules.RuleSettings;
import dev.layerlint.dockerfile.DockerfileParser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.layerlint.rules.LintAssertions.hits;
import static dev.layerlint.rules.LintAssertions.lint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogRulesTest {

    @Test
    void baseImageTagLadder() {
        String df = "FROM python:3 AS a\nFROM python:3.11 AS b\nFROM python:3.11.6-slim AS c\nFROM node:lts-alpine AS d\n"
                + "FROM debian:bookworm-slim AS e\nFROM eclipse-temurin:21-jre AS f\nFROM alpine:3.19@sha256:abc AS g\nFROM ubuntu:22.04\n";
        assertEquals(List.of("BaseImageUnpinned@1", "BaseImageUnpinned@4", "BaseImageUnpinned@5", "BaseImageUnpinned@6"),
                hits("BaseImageUnpinned", df));
        assertEquals(List.of("BaseImageFloatingTag@2"), hits("BaseImageFloatingTag", df), "ubuntu:22.04 is Ubuntu's finest version tag");
        assertEquals("base image python:3.11 floats with every patch release: pin the full version (e.g. python:3.11.x) or, best, its digest",
                lint(df).stream().filter(f -> f.ruleId().equals("BaseImageFloatingTag")).findFirst().orElseThrow().message());
    }

    @Test
    void missingHealthcheckOnlyForServicesOfTheFinalStage() {
        assertEquals(List.of("MissingHealthcheck@2"), hits("MissingHealthcheck", "FROM a:1.0.0\nEXPOSE 8080/tcp 8443\n"));
        assertEquals(List.of(), hits("MissingHealthcheck", "FROM a:1.0.0\nEXPOSE 8080\nHEALTHCHECK NONE\n"));
        assertEquals(List.of(), hits("MissingHealthcheck", "FROM a:1.0.0 AS base\nHEALTHCHECK CMD [\"/ok\"]\nFROM base\nEXPOSE 80\n"));
        assertEquals(List.of(), hits("MissingHealthcheck", "FROM a:1.0.0 AS b\nEXPOSE 80\nFROM c:1.0.0\nCOPY --from=b /x /x\n"));
    }

    @Test
    void fullBaseImageInTheFinalStage() {
        assertEquals(List.of("FullBaseImage@3"), hits("FullBaseImage", "FROM python:3.11.6 AS build\nRUN pip wheel .\nFROM python:3.11.6\n"));
        assertEquals(List.of("FullBaseImage@1"), hits("FullBaseImage", "FROM maven:3.9.6-eclipse-temurin-21\nCMD [\"mvn\"]\n"));
        assertEquals(List.of("FullBaseImage@1"), hits("FullBaseImage", "FROM eclipse-temurin:21.0.2_13-jdk\n"));
        for (String ok : List.of("python:3.11.6-slim-bookworm", "node:20.11.1-alpine3.19", "eclipse-temurin:21.0.2_13-jre-alpine",
                "gcr.io/distroless/java21-debian12", "debian:12.5", "php:8.3.4-apache", "openjdk:17.0.2-slim")) {
            assertEquals(List.of(), hits("FullBaseImage", "FROM " + ok + "\n"), ok);
        }
        assertEquals(List.of("FullBaseImage@1"), hits("FullBaseImage", "FROM node:20.11.1 AS base\nFROM base\n"),
                "judged through the parent stage, reported at the FROM that names the image");
    }

    @Test
    void secretsInEnvAndArg() {
        String df = "FROM a:1.0.0\nARG NPM_TOKEN\nARG GITHUB_TOKEN=ghp_x\nENV DB_PASSWORD=s3cret API_KEY=k AWS_SECRET_ACCESS_KEY=x\n"
                + "ENV GPG_KEY=A035C8C1 DB_PASSWORD_FILE=/run/secrets/db TOKEN_URL=https://x DOCKER_AUTH_VERSION=1.2 PASS=$FROM_ENV\n";
        assertEquals(List.of("SecretInEnvOrArg@2", "SecretInEnvOrArg@3", "SecretInEnvOrArg@4", "SecretInEnvOrArg@4", "SecretInEnvOrArg@4"),
                hits("SecretInEnvOrArg", df));
        assertTrue(SecretInEnvOrArg.secretName("MYSQL_ROOT_PASSWORD"));
        assertTrue(SecretInEnvOrArg.secretName("PRIVATE_KEY"));
        assertFalse(SecretInEnvOrArg.secretName("KEYCLOAK_VERSION"));
        assertFalse(SecretInEnvOrArg.secretName("SSH_PUBLIC_KEY"));
    }

    @Test
    void copyFromUnknownStage() {
        String df = "FROM a:1.0.0 AS build\nFROM b:1.0.0\nCOPY --from=build /x /x\nCOPY --from=biuld /x /x\nCOPY --from=0 /x /x\n"
                + "COPY --from=5 /x /x\nCOPY --from=nginx:1.25.4 /etc/nginx /etc/nginx\nCOPY --from=later /x /x\nCOPY --from=build /z /z\n"
                + "FROM c:1.0.0 AS later\nCOPY --from=later /y /y\n";
        assertEquals(List.of("CopyFromUnknownStage@4", "CopyFromUnknownStage@6", "CopyFromUnknownStage@8", "CopyFromUnknownStage@11"),
                hits("CopyFromUnknownStage", df));
    }

    @Test
    void unusedStage() {
        String df = "FROM a:1.0.0 AS deps\nFROM a:1.0.0 AS build\nRUN --mount=type=cache,target=/c --mount=type=bind,from=deps,target=/d make\n"
                + "FROM a:1.0.0 AS lint\nFROM build AS final-base\nFROM final-base\n";
        assertEquals(List.of("UnusedStage@4"), hits("UnusedStage", df));
    }

    @Test
    void addRules() {
        String df = "FROM a:1.0.0\nADD app.jar /app/\nADD dist.tar.gz /opt/\nADD https://x.org/t.tgz /tmp/\n"
                + "ADD https://github.com/org/repo.git /src\nADD --checksum=sha256:abc https://x.org/a.jar /a.jar\nADD <<EOF /etc/x\nhi\nEOF\n";
        assertEquals(List.of("AddForLocalFile@2"), hits("AddForLocalFile", df));
        assertEquals(List.of("AddForDownload@4", "AddForDownload@6"), hits("AddForDownload", df));
    }

    @Test
    void untrustedBaseImageOnlyWhenConfigured() {
        String df = "FROM eclipse-temurin:21.0.2_13-jre AS a\nFROM registry.example.com/base/jre:21.0.2\nFROM scratch\n";
        assertEquals(List.of(), hits("UntrustedBaseImage", df));
        RuleSettings registries = new RuleSettings(Set.of(), Map.of(), new RuleOptions(List.of("registry.example.com"), List.of()));
        assertEquals(List.of("UntrustedBaseImage@1"), ids(df, registries));
        RuleSettings allowed = new RuleSettings(Set.of(), Map.of(), new RuleOptions(List.of(), List.of("eclipse-temurin:*-jre*")));
        assertEquals(List.of("UntrustedBaseImage@2"), ids(df, allowed));
    }

    private static List<String> ids(String df, RuleSettings settings) {
        return new Linter(settings).lint(DockerfileParser.parse("Dockerfile", df)).stream()
                .filter(f -> f.ruleId().equals("UntrustedBaseImage")).map(f -> f.ruleId() + "@" + f.line()).toList();
    }
}
