package dev.layerlint.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HadolintConfigTest {

    @Test
    void readsIgnoredOverrideAndTrustedRegistries(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(".hadolint.yaml");
        Files.writeString(file, """
                ignored:
                  - DL3009
                  - DL3008
                override:
                  error:
                    - DL3002
                  style:
                    - DL3059
                trustedRegistries:
                  - docker.io
                  - registry.example.com
                """);
        HadolintConfig config = HadolintConfig.read(file);
        assertEquals(Map.of("AptListsNotRemoved", "off", "RunsAsRoot", "error", "ConsecutiveRuns", "info"), config.rules());
        assertEquals(List.of("docker.io", "registry.example.com"), config.trustedRegistries());
        assertEquals(List.of("DL3008"), config.unmatched());
    }

    @Test
    void newlyCoveredIdsReachTheirRules(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(".hadolint.yaml");
        Files.writeString(file, """
                ignored: [DL3057, DL3046]
                override:
                  info: [DL3010, DL3067, DL3064]
                trustedRegistries: ["*.example.com", docker.io]
                """);
        HadolintConfig config = HadolintConfig.read(file);
        assertEquals(java.util.Map.of("MissingHealthcheck", "off", "UseraddLargeUid", "off", "ArchiveCopiedThenExtracted", "info",
                "WholeFilesystemCopied", "info", "SecretInEnvOrArg", "info"), config.rules());
        assertEquals(java.util.List.of(), config.unmatched());
        RuleOptions options = new RuleOptions(config.trustedRegistries(), java.util.List.of());
        assertTrue(options.trustsRegistry("mirror.example.com"));
        assertTrue(!options.trustsRegistry("ghcr.io"));
    }

    @Test
    void emptyFileIsEmptyConfig(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(".hadolint.yaml");
        Files.writeString(file, "");
        assertTrue(HadolintConfig.read(file).rules().isEmpty());
    }

    @Test
    void malformedFilesNameTheProblem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(".hadolint.yaml");
        Files.writeString(file, "ignored: DL3009\n");
        assertEquals(file + ": 'ignored' must be a list",
                assertThrows(HadolintConfig.InvalidException.class, () -> HadolintConfig.read(file)).getMessage());
        Files.writeString(file, "ignored: [DL3009\n");
        assertTrue(assertThrows(HadolintConfig.InvalidException.class, () -> HadolintConfig.read(file)).getMessage()
                .startsWith(file + ": not a readable hadolint configuration: "));
    }
}
