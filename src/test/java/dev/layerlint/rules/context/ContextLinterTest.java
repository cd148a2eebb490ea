package dev.layerlint.rules.context;

import dev.layerlint.context.IgnoreFileException;
import dev.layerlint.report.Finding;
import dev.layerlint.rules.ContextOptions;
import dev.layerlint.rules.RuleOptions;
import dev.layerlint.rules.RuleSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ContextLinterTest {

    @TempDir
    Path root;

    private ContextFixture leakyContext() throws Exception {
        return new ContextFixture(root)
                .dockerfile("FROM python:3.12-slim", "COPY . /app", "COPY build/app.whl /tmp/")
                .dockerignore("build")
                .file(".env", "A=b")
                .file(".git/HEAD", "ref");
    }

    @Test
    void runsEveryContextRuleInFindingOrder() throws Exception {
        assertEquals(List.of("RequiredExclusionMissing@Dockerfile:2", "SecretInContext@Dockerfile:2", "CopySourceIgnored@Dockerfile:3"),
                leakyContext().lint().stream().map(f -> f.ruleId() + "@" + f.file() + ":" + f.line()).toList());
    }

    @Test
    void appliesDisabledRulesAndSeverityOverridesByIdOrAlias() throws Exception {
        RuleSettings settings = RuleSettings.parse(Map.of("SecretInContext", "off", "CopyIgnoredFile", "warning",
                "RequiredExclusionMissing", "error"), RuleOptions.DEFAULTS);
        List<Finding> findings = leakyContext().lint(ContextOptions.DEFAULTS, settings);
        assertEquals(List.of("RequiredExclusionMissing:error", "CopySourceIgnored:warning"),
                findings.stream().map(f -> f.ruleId() + ":" + f.severity().id()).toList());
    }

    @Test
    void badConfiguredPatternsNameTheParameterAndEntry() {
        IgnoreFileException syntax = assertThrows(IgnoreFileException.class,
                () -> ContextOptions.parse(List.of(".git", "[a-"), List.of(), List.of(), Optional.empty()));
        assertEquals("requiredExclusions:2: syntax error in pattern \"[a-\"", syntax.getMessage());
        IgnoreFileException exception = assertThrows(IgnoreFileException.class,
                () -> ContextOptions.parse(List.of(), List.of("docs", "!docs/api"), List.of(), Optional.empty()));
        assertEquals("wholesaleExclusions:2: `!docs/api`: an exception has no meaning here; list only the paths to match",
                exception.getMessage());
    }
}
