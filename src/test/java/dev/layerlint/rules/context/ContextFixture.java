package dev.layerlint.rules.context;

import dev.layerlint.context.BuildContext;
import dev.layerlint.context.ContextScan;
import dev.layerlint.context.IgnoreFileException;
import dev.layerlint.context.ScanOptions;
import dev.layerlint.dockerfile.DockerfileParser;
import dev.layerlint.dockerfile.ParseResult;
import dev.layerlint.report.Finding;
import dev.layerlint.rules.ContextLinter;
import dev.layerlint.rules.ContextOptions;
import dev.layerlint.rules.ContextSubject;
import dev.layerlint.rules.RuleSettings;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A build context on disk, built file by file, and the findings of the context rules on it. */
final class ContextFixture {

    private final Path root;

    ContextFixture(Path root) {
        this.root = root;
    }

    ContextFixture file(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return this;
    }

    /** A sparse file of {@code bytes}: counted at full size, costing no disk. */
    ContextFixture file(String path, long bytes) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(bytes);
        }
        return this;
    }

    ContextFixture dockerfile(String... lines) throws IOException {
        return file("Dockerfile", String.join("\n", lines) + "\n");
    }

    ContextFixture dockerignore(String... lines) throws IOException {
        return file(".dockerignore", String.join("\n", lines) + "\n");
    }

    List<Finding> lint() throws IOException, IgnoreFileException {
        return lint(ContextOptions.DEFAULTS);
    }

    List<Finding> lint(ContextOptions options) throws IOException, IgnoreFileException {
        return lint(options, RuleSettings.DEFAULTS);
    }

    List<Finding> lint(ContextOptions options, RuleSettings settings) throws IOException, IgnoreFileException {
        Path dockerfile = root.resolve("Dockerfile");
        ContextScan scan = BuildContext.analyse(dockerfile, root, ScanOptions.DEFAULTS);
        ParseResult parsed = DockerfileParser.parse(dockerfile, "Dockerfile");
        return new ContextLinter(settings, options).lint(new ContextSubject("Dockerfile",
                parsed instanceof ParseResult.Success success ? Optional.of(success.dockerfile()) : Optional.empty(),
                scan, scan.ignoreFile().map(f -> root.relativize(f).toString())));
    }

    /** Only the findings of one rule, as console lines with their severity: {@code error Dockerfile:3:1: [Id] …}. */
    static List<String> of(String ruleId, List<Finding> findings) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId))
                .map(f -> f.severity().id() + " " + f.toConsoleLine()).toList();
    }
}
