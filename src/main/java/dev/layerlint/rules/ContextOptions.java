package dev.layerlint.rules;

import dev.layerlint.budget.ByteSize;
import dev.layerlint.context.IgnoreFileException;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What context rules look for, configurable per module. Patterns use {@code .dockerignore} syntax.
 *
 * @param requiredExclusions  paths that should never be sent, each on its own (VCS and IDE folders, build output, logs)
 * @param wholesaleExclusions paths that should not be sent when a COPY or ADD copies the whole context (tests, docs)
 * @param secretPatterns      files that hold secrets, matched together so that {@code !} exceptions apply
 * @param maxContextSize      the most the context may send; empty for no limit
 */
public record ContextOptions(List<IgnorePatterns> requiredExclusions, List<IgnorePatterns> wholesaleExclusions,
        IgnorePatterns secretPatterns, Optional<ByteSize> maxContextSize) {

    public static final List<String> DEFAULT_REQUIRED_EXCLUSIONS = List.of(
            ".git", ".svn", ".hg", ".idea", ".vscode", ".gradle", "target", "build", "**/node_modules",
            "**/__pycache__", "**/*.log");

    public static final List<String> DEFAULT_WHOLESALE_EXCLUSIONS = List.of("src/test", "test", "tests", "docs");

    public static final List<String> DEFAULT_SECRET_PATTERNS = List.of(
            "**/.env", "**/.env.*", "!**/.env.example", "!**/.env.sample", "!**/.env.template", "!**/.env.dist",
            "**/id_rsa", "**/id_dsa", "**/id_ecdsa", "**/id_ed25519", "**/*.pem", "**/*.key", "**/*.p12", "**/*.pfx",
            "**/.npmrc", "**/.pypirc", "**/.netrc", "**/.git-credentials", "**/.aws/credentials",
            "**/.docker/config.json", "**/.kube/config", "**/application_default_credentials.json");

    public static final ContextOptions DEFAULTS = defaults();

    public ContextOptions {
        requiredExclusions = List.copyOf(requiredExclusions);
        wholesaleExclusions = List.copyOf(wholesaleExclusions);
        Objects.requireNonNull(secretPatterns, "secretPatterns");
        Objects.requireNonNull(maxContextSize, "maxContextSize");
    }

    /**
     * Reads the pattern lists; errors name the parameter and the entry's position.
     *
     * @throws IgnoreFileException for a pattern Docker would reject, or an exception among the exclusions
     */
    public static ContextOptions parse(List<String> requiredExclusions, List<String> wholesaleExclusions,
            List<String> secretPatterns, Optional<ByteSize> maxContextSize) throws IgnoreFileException {
        return new ContextOptions(IgnorePatterns.parseEach("requiredExclusions", requiredExclusions),
                IgnorePatterns.parseEach("wholesaleExclusions", wholesaleExclusions),
                IgnorePatterns.parse("secretPatterns", secretPatterns), maxContextSize);
    }

    private static ContextOptions defaults() {
        try {
            return parse(DEFAULT_REQUIRED_EXCLUSIONS, DEFAULT_WHOLESALE_EXCLUSIONS, DEFAULT_SECRET_PATTERNS, Optional.empty());
        } catch (IgnoreFileException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
