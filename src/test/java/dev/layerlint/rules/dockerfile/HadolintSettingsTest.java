package dev.layerlint.rules.dockerfile;

import dev.layerlint.dockerfile.DockerfileParser;
import dev.layerlint.rules.Linter;
import dev.layerlint.rules.RuleCatalog;
import dev.layerlint.rules.RuleOptions;
import dev.layerlint.rules.RuleSettings;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.layerlint.rules.LintAssertions.hits;
import static dev.layerlint.rules.LintAssertions.lint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What teams bring over from hadolint: trusted registries, file-wide ignores, ids, secrets in global ARGs. */
class HadolintSettingsTest {

    private static List<String> untrusted(String df, String... registries) {
        RuleSettings settings = new RuleSettings(Set.of(), Map.of(), new RuleOptions(List.of(registries), List.of()));
        return new Linter(settings).lint(DockerfileParser.parse("Dockerfile", df)).stream()
                .filter(f -> f.ruleId().equals("UntrustedBaseImage")).map(f -> f.ruleId() + "@" + f.line()).toList();
    }

    @Test
    void imagesReadByCopyAndMountsAreJudgedToo() {
        String df = "FROM registry.example.com/jre:21.0.2 AS build\nRUN --mount=type=bind,from=ghcr.io/acme/tools:1.2.3,target=/t cp /t/x /x\n"
                + "FROM registry.example.com/jre:21.0.2\nCOPY --from=docker.io/library/busybox:1.36.1 /bin/busybox /bin/\n"
                + "COPY --from=build /x /x\nCOPY --from=0 /x /y\nRUN --mount=type=cache,target=/root/.m2,from=build ls\n"
                + "COPY --from=registry.example.com/tools:1.0.0 /t /t\nCOPY --from=scratch / /empty\n";
        assertEquals(List.of("UntrustedBaseImage@2", "UntrustedBaseImage@4"), untrusted(df, "registry.example.com"));
        assertEquals(List.of(), untrusted(df, "registry.example.com", "ghcr.io", "docker.io"));
        assertEquals(List.of(), hits("UntrustedBaseImage", df), "quiet without a list");
    }

    @Test
    void trustedRegistriesTakeWildcards() {
        String df = "FROM registry.example.com/jre:21.0.2\nFROM mirror.eu.example.com/jre:21.0.2\nFROM example.com.evil.io/jre:21.0.2\n"
                + "FROM eclipse-temurin:21.0.2_13-jre\n";
        assertEquals(List.of("UntrustedBaseImage@3", "UntrustedBaseImage@4"), untrusted(df, "*.example.com"));
        assertEquals(List.of(), untrusted(df, "*"));
        assertEquals(List.of("UntrustedBaseImage@2", "UntrustedBaseImage@3"), untrusted(df, "registry.*", "hub.docker.com"),
                "a prefix wildcard; Docker Hub by any of its names");
        assertFalse(new RuleOptions(List.of("*.example.com"), List.of()).trustsRegistry("example.com"));
        assertTrue(new RuleOptions(List.of("Registry.Example.COM"), List.of()).trustsRegistry("registry.example.com"));
    }

    @Test
    void hadolintGlobalIgnoreCoversTheWholeFile() {
        String df = "# hadolint global ignore=DL3002,DL3009\nFROM debian:12.5\nRUN apt-get update && apt-get install -y --no-install-recommends git\n"
                + "USER root\n";
        assertEquals(List.of(), hits("AptListsNotRemoved", df));
        assertEquals(List.of(), hits("RunsAsRoot", df));
        String spaced = "FROM debian:12.5\n# hadolint global ignore = DL3009 , DL3015\nRUN apt-get update && apt-get install -y git\n";
        assertEquals(List.of(), hits("AptListsNotRemoved", spaced));
        assertEquals(List.of(), hits("AptNoInstallRecommends", spaced));
        String other = "# hadolint global ignore=DL3015\nFROM debian:12.5\nRUN apt-get update && apt-get install -y git\n";
        assertEquals(List.of("AptListsNotRemoved@3"), hits("AptListsNotRemoved", other), "only the ids it names");
        String local = "FROM debian:12.5\n# hadolint ignore=DL3009\nRUN apt-get update && apt-get install -y --no-install-recommends a\n"
                + "RUN apt-get update && apt-get install -y --no-install-recommends b\n";
        assertEquals(List.of("AptListsNotRemoved@4"), hits("AptListsNotRemoved", local), "a plain ignore stays local");
    }

    @Test
    void hadolintIdsReachTheRulesThatCoverTheirChecks() {
        Map<String, String> expected = Map.of("DL3057", "MissingHealthcheck", "DL3064", "SecretInEnvOrArg",
                "DL3010", "ArchiveCopiedThenExtracted", "DL3046", "UseraddLargeUid", "DL3067", "WholeFilesystemCopied");
        expected.forEach((alias, rule) -> assertEquals(rule, RuleCatalog.find(alias).orElseThrow().id(), alias));
        String df = "FROM nginx:1.25.4\n# hadolint ignore=DL3057\nEXPOSE 80\n";
        assertEquals(List.of(), hits("MissingHealthcheck", df));
        assertEquals(List.of("MissingHealthcheck@2"), hits("MissingHealthcheck", "FROM nginx:1.25.4\nEXPOSE 80\n"));
    }

    @Test
    void secretsInGlobalArgs() {
        assertEquals(List.of("SecretInEnvOrArg@1"), hits("SecretInEnvOrArg", "ARG AWS_ACCESS_KEY_ID\nFROM alpine:3.19.1\n"));
        assertEquals(List.of("SecretInEnvOrArg@2"), hits("SecretInEnvOrArg", "ARG BASE=alpine:3.19.1\nARG OKTA_OAUTH2_CLIENTSECRET=x\nFROM $BASE\n"));
        assertTrue(lint("ARG AWS_ACCESS_KEY_ID\nFROM alpine:3.19.1\n").get(0).message().contains("ARG before FROM"));
        assertEquals(List.of(), hits("SecretInEnvOrArg", "ARG AWS_REGION=eu-west-1\nARG GPG_KEY_ID=ABCD\nFROM alpine:3.19.1\n"));
        assertEquals(List.of(), hits("SecretInEnvOrArg", "ARG TOKEN_FILE=/run/secrets/t\nFROM alpine:3.19.1\n"));
    }
}
