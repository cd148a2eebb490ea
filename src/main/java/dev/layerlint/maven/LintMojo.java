package dev.layerlint.maven;

import dev.layerlint.dockerfile.DockerfileFinder;
import dev.layerlint.dockerfile.DockerfileParser;
import dev.layerlint.report.Finding;
import dev.layerlint.report.GoalReport;
import dev.layerlint.rules.HadolintConfig;
import dev.layerlint.report.ReportScope;
import dev.layerlint.rules.Linter;
import dev.layerlint.rules.RuleSettings;
import dev.layerlint.rules.RuleOptions;
import dev.layerlint.text.Plural;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Lints Dockerfiles against layer best practices and writes {@code lint.json}. */
@Mojo(name = "lint", defaultPhase = LifecyclePhase.VALIDATE, requiresProject = false, threadSafe = true)
public class LintMojo extends AbstractLayerlintMojo {

    /** Skips this goal only. */
    @Parameter(property = "layerlint.lint.skip", defaultValue = "false")
    private boolean skipLint;

    /**
     * Registries base images may come from ({@code registry.example.com}; {@code docker.io} for Docker Hub), checked
     * by UntrustedBaseImage. Empty allows any, unless a hadolint configuration names {@code trustedRegistries}.
     */
    @Parameter
    private List<String> trustedRegistries = new ArrayList<>();

    /**
     * Patterns base images must match, {@code *} standing for any text ({@code eclipse-temurin:*-jre*},
     * {@code registry.example.com/base/*}), checked by UntrustedBaseImage; empty allows any.
     */
    @Parameter
    private List<String> allowedBaseImages = new ArrayList<>();

    /**
     * Package names (regular expressions) that count as build toolchains for BuildToolchainInImage;
     * when given, they replace the built-in list (gcc, g++, clang, build-essential, build-base, make, cmake, JDKs,
     * Maven, Gradle, Go, Rust, …).
     */
    @Parameter
    private List<String> toolchainPackages = new ArrayList<>();

    /**
     * A hadolint configuration whose {@code ignored}, {@code override} and {@code trustedRegistries}
     * apply through the rules' hadolint aliases; the pom's settings win. Used when the file exists
     * ({@code .hadolint.yml} is tried too when this is left at its default).
     */
    @Parameter(property = "layerlint.hadolintConfig", defaultValue = "${basedir}/.hadolint.yaml")
    private File hadolintConfig;

    /** The rule settings this run used, for the report scope. */
    private RuleSettings settings = RuleSettings.DEFAULTS;

    @Override
    protected ReportScope reportScope() throws MojoExecutionException {
        return dockerfileScope(settings);
    }

    @Override
    protected boolean usesFindingsBaseline() {
        return true;
    }

    @Override
    protected String goal() {
        return "lint";
    }

    @Override
    protected boolean skipGoal() {
        return skipLint;
    }

    @Override
    protected GoalReport run() throws MojoExecutionException {
        HadolintConfig hadolint = HadolintFiles.read(hadolintConfig, this::displayed, getLog());
        List<String> registries = trustedRegistries.isEmpty() ? hadolint.trustedRegistries() : trustedRegistries;
        RuleOptions options;
        try {
            options = new RuleOptions(registries, allowedBaseImages,
                    toolchainPackages.isEmpty() ? RuleOptions.DEFAULTS.toolchainPackages() : toolchainPackages);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("layerlint:lint: " + e.getMessage()
                    + "; fix <toolchainPackages> in the plugin configuration");
        }
        settings = ruleSettings(options, hadolint.rules());
        Linter linter = new Linter(settings);
        List<Finding> findings = new ArrayList<>();
        for (Path file : resolveDockerfiles()) {
            String shown = displayed(file);
            List<Finding> found = afterBaseline(linter.lint(DockerfileParser.parse(file, shown)));
            getLog().info("layerlint: " + shown + ": " + Plural.count(found.size(), "finding"));
            found.forEach(this::log);
            findings.addAll(found);
        }
        return report(findings, Map.of());
    }
}
