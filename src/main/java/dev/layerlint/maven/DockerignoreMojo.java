package dev.layerlint.maven;

import dev.layerlint.budget.BudgetException;
import dev.layerlint.budget.ByteSize;
import dev.layerlint.context.BuildContext;
import dev.layerlint.context.Builder;
import dev.layerlint.context.ContextScan;
import dev.layerlint.context.IgnoreFileException;
import dev.layerlint.context.ScanOptions;
import dev.layerlint.dockerfile.Dockerfile;
import dev.layerlint.dockerfile.DockerfileFinder;
import dev.layerlint.dockerfile.DockerfileParser;
import dev.layerlint.dockerfile.ParseResult;
import dev.layerlint.report.Finding;
import dev.layerlint.report.GoalReport;
import dev.layerlint.report.ReportScope;
import dev.layerlint.rules.ContextLinter;
import dev.layerlint.rules.ContextOptions;
import dev.layerlint.rules.ContextSubject;
import dev.layerlint.rules.Rule;
import dev.layerlint.rules.RuleCatalog;
import dev.layerlint.rules.RuleOptions;
import dev.layerlint.rules.RuleSettings;
import dev.layerlint.text.Plural;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Works out what {@code docker build} sends as each Dockerfile's build context, checks it against
 * the context rules and writes {@code dockerignore.json}.
 */
@Mojo(name = "dockerignore", defaultPhase = LifecyclePhase.VALIDATE, requiresProject = false, threadSafe = true)
public class DockerignoreMojo extends AbstractLayerlintMojo {

    /** Skips this goal only. */
    @Parameter(property = "layerlint.dockerignore.skip", defaultValue = "false")
    private boolean skipDockerignore;

    /**
     * The build context directory (the directory {@code docker build} is given), relative to the base directory; by
     * default each Dockerfile's own directory.
     */
    @Parameter(property = "layerlint.context")
    private File contextDirectory;

    /**
     * The builder whose rules apply: {@code buildkit} (reads {@code <Dockerfile>.dockerignore} beside the
     * Dockerfile when present) or {@code classic} ({@code DOCKER_BUILDKIT=0}, reads only {@code .dockerignore}).
     */
    @Parameter(property = "layerlint.builder", defaultValue = "buildkit")
    private String builder;

    /**
     * The most the context may send, e.g. {@code 50MB} or {@code 1.5GiB} ({@code kB}, {@code MB}, {@code GB} are
     * 1000-based, {@code KiB}, {@code MiB}, {@code GiB} 1024-based), checked by ContextTooLarge; no limit when unset.
     */
    @Parameter(property = "layerlint.maxContextSize")
    private String maxContextSize;

    /** How many of the largest sent files the report and ContextTooLarge list. */
    @Parameter(property = "layerlint.largest", defaultValue = "10")
    private int largest;

    /**
     * Paths (in {@code .dockerignore} syntax) that should never be sent; when given, they replace the
     * built-in list: {@code .git}, {@code .svn}, {@code .hg}, {@code .idea}, {@code .vscode}, {@code .gradle},
     * {@code target}, {@code build}, <code>**&#47;node_modules</code>, <code>**&#47;__pycache__</code>, <code>**&#47;*.log</code>.
     */
    @Parameter
    private List<String> requiredExclusions = new ArrayList<>();

    /**
     * Paths that should not be sent when a COPY or ADD copies the whole context; when given, they
     * replace the built-in list: {@code src/test}, {@code test}, {@code tests}, {@code docs}.
     */
    @Parameter
    private List<String> wholesaleExclusions = new ArrayList<>();

    /**
     * Files that hold secrets, in {@code .dockerignore} syntax with {@code !} exceptions; when given, they
     * replace the built-in list ({@code .env} files, private keys, registry and cloud credentials, each at any depth).
     */
    @Parameter
    private List<String> secretPatterns = new ArrayList<>();

    @Parameter(defaultValue = "${project.build.directory}", readonly = true)
    private File buildDirectory;

    /** The rule settings this run used, for the report scope. */
    private RuleSettings settings = RuleSettings.DEFAULTS;

    @Override
    protected ReportScope reportScope() throws MojoExecutionException {
        List<String> files = resolveDockerfiles().stream().map(this::displayed).toList();
        return new ReportScope(files, RuleCatalog.contextRules().stream().filter(settings::enabled).map(Rule::id).toList());
    }

    @Override
    protected boolean usesFindingsBaseline() {
        return true;
    }

    @Override
    protected String goal() {
        return "dockerignore";
    }

    @Override
    protected boolean skipGoal() {
        return skipDockerignore;
    }

    @Override
    protected GoalReport run() throws MojoExecutionException, MojoFailureException {
        ScanOptions scanOptions = scanOptions().withOwnOutput(outputPath());
        settings = ruleSettings(RuleOptions.DEFAULTS, Map.of());
        ContextLinter linter = new ContextLinter(settings, contextOptions());
        // Dockerfiles that share a context find the same things about it: each finding is reported once
        Set<Finding> seen = new LinkedHashSet<>();
        List<Finding> findings = new ArrayList<>();
        List<ContextReport> contexts = new ArrayList<>();
        for (Path file : resolveDockerfiles()) {
            String shown = displayed(file);
            Path directory = contextDirectory == null ? file.toAbsolutePath().getParent()
                    : basePath().resolve(contextDirectory.toPath()).normalize();
            if (!Files.exists(directory) && isMadeByTheBuild(directory)) {
                getLog().warn("layerlint: the build context of " + shown + ", " + displayed(directory) + ", does not exist yet: the build"
                        + " makes it, so it is not checked in this phase; bind dockerignore to the phase after the one that fills it"
                        + " (<phase>package</phase> in its <execution>) to check it");
                continue;
            }
            ContextScan scan = scan(file, shown, directory, scanOptions);
            scan.warnings().forEach(w -> getLog().warn("layerlint: " + displayed(directory.resolve(w.path())) + ": " + w.message()));
            Optional<String> ignoreFile = scan.ignoreFile().map(this::displayed);
            List<Finding> found = linter.lint(new ContextSubject(shown, parse(file, shown), scan, ignoreFile));
            Optional<String> reportsLeftOut = scan.ownOutput().map(own -> displayed(directory.resolve(own)));
            getLog().info(String.format(Locale.ROOT, "layerlint: %s: context %s%s sends %s (%s), leaves out %,d (%s)%s: %s",
                    shown, displayed(directory), ignoreFile.map(f -> " with " + f).orElse(" without an ignore file"),
                    Plural.count(scan.files(), "file"), new ByteSize(scan.bytes()), scan.excludedFiles(), new ByteSize(scan.excludedBytes()),
                    reportsLeftOut.map(own -> ", not counting layerlint's reports in " + own).orElse(""),
                    Plural.count(found.size(), "finding")));
            List<Finding> reported = afterBaseline(found.stream().filter(seen::add).toList());
            reported.forEach(this::log);
            findings.addAll(reported);
            contexts.add(ContextReport.of(shown, displayed(directory), ignoreFile, reportsLeftOut, scan));
        }
        return report(findings, Map.of("contexts", contexts));
    }

    /** A context inside the build directory ({@code target/docker}) is made by the build and is absent before it runs. */
    private boolean isMadeByTheBuild(Path directory) {
        if (buildDirectory == null || buildDirectory.getPath().contains("${")) {
            return false;
        }
        return directory.startsWith(buildDirectory.toPath().toAbsolutePath().normalize());
    }

    private ContextScan scan(Path dockerfile, String shown, Path directory, ScanOptions options)
            throws MojoExecutionException, MojoFailureException {
        if (!Files.isDirectory(directory)) {
            throw new MojoExecutionException("layerlint: the build context of " + shown + ", " + displayed(directory)
                    + ", is not a directory; set <contextDirectory> (property layerlint.context) to the directory docker build is given");
        }
        try {
            return BuildContext.analyse(dockerfile, directory, options);
        } catch (IgnoreFileException e) {
            // the message starts with the file as given, absolute; name it relative to the project instead
            String reason = e.getMessage().substring(e.file().length());
            throw new MojoFailureException("layerlint: " + displayed(Path.of(e.file())) + reason);
        } catch (IOException e) {
            throw new MojoExecutionException("layerlint: cannot read the build context " + directory + " of " + shown + ": " + e.getMessage(), e);
        }
    }

    /** Context rules that read COPY sources need the parsed file; when it does not parse, layerlint:lint reports why. */
    private Optional<Dockerfile> parse(Path file, String shown) {
        ParseResult result = DockerfileParser.parse(file, shown);
        if (result instanceof ParseResult.Success success) {
            return Optional.of(success.dockerfile());
        }
        getLog().warn("layerlint: " + shown + " does not parse (layerlint:lint reports why); its COPY and ADD sources are not checked");
        return Optional.empty();
    }

    private ScanOptions scanOptions() throws MojoExecutionException {
        Builder chosen = switch (builder == null ? "" : builder.strip().toLowerCase(Locale.ROOT)) {
            case "buildkit" -> Builder.BUILDKIT;
            case "classic" -> Builder.CLASSIC;
            default -> throw new MojoExecutionException("layerlint: builder '" + builder + "' is not buildkit or classic");
        };
        if (largest < 0) {
            throw new MojoExecutionException("layerlint: largest must be 0 or more, not " + largest);
        }
        return new ScanOptions(chosen, largest);
    }

    private ContextOptions contextOptions() throws MojoExecutionException {
        try {
            Optional<ByteSize> limit = maxContextSize == null || maxContextSize.isBlank() ? Optional.empty()
                    : Optional.of(ByteSize.parse(maxContextSize, "maxContextSize"));
            return ContextOptions.parse(
                    requiredExclusions.isEmpty() ? ContextOptions.DEFAULT_REQUIRED_EXCLUSIONS : requiredExclusions,
                    wholesaleExclusions.isEmpty() ? ContextOptions.DEFAULT_WHOLESALE_EXCLUSIONS : wholesaleExclusions,
                    secretPatterns.isEmpty() ? ContextOptions.DEFAULT_SECRET_PATTERNS : secretPatterns, limit);
        } catch (BudgetException | IgnoreFileException e) {
            throw new MojoExecutionException("layerlint: " + e.getMessage());
        }
    }
}
