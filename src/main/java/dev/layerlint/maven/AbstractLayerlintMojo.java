package dev.layerlint.maven;

import dev.layerlint.dockerfile.DockerfileFinder;
import dev.layerlint.report.Finding;
import dev.layerlint.report.GoalReport;
import dev.layerlint.report.JsonReportWriter;
import dev.layerlint.report.ReportFormat;
import dev.layerlint.report.ReportModel;
import dev.layerlint.report.ReportScope;
import dev.layerlint.report.ReportTarget;
import dev.layerlint.report.ReportWriters;
import dev.layerlint.report.Severity;
import dev.layerlint.report.ToolVersion;
import dev.layerlint.report.UnknownReportFormatException;
import dev.layerlint.rules.Rule;
import dev.layerlint.rules.RuleCatalog;
import dev.layerlint.rules.RuleOptions;
import dev.layerlint.rules.RuleSettings;
import dev.layerlint.text.ControlCharacters;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Parameters and behaviour every layerlint goal shares: which files, where reports go, when to fail. */
abstract class AbstractLayerlintMojo extends AbstractMojo {

    /** The project's base directory (the current directory when run without a pom). */
    @Parameter(defaultValue = "${basedir}", readonly = true, required = true)
    protected File baseDirectory;

    /**
     * Comma-separated Dockerfile paths or globs (<code>services/*&#47;Dockerfile</code>, <code>**&#47;*.Dockerfile</code>),
     * relative to the base directory. A plain path must exist; a glob must match at least one file ({@code target/},
     * {@code node_modules/} and {@code .git/} are not searched).
     */
    @Parameter(property = "layerlint.dockerfiles", defaultValue = "Dockerfile")
    protected String dockerfiles;

    /** The lowest severity that fails the build: {@code error}, {@code warning}, {@code info} or {@code none}. */
    @Parameter(property = "layerlint.failOn", defaultValue = "warning")
    protected String failOn;

    /** Skips every layerlint goal. */
    @Parameter(property = "layerlint.skip", defaultValue = "false")
    protected boolean skip;

    /** Where {@code <goal>.json} and the other report formats are written. */
    @Parameter(property = "layerlint.outputDirectory", defaultValue = "${project.build.directory}/layerlint")
    protected File outputDirectory;

    /**
     * Report formats written beside {@code <goal>.json}, comma-separated: {@code sarif}, {@code checkstyle},
     * {@code gitlab}, {@code junit}, {@code markdown}, {@code html}.
     */
    @Parameter(property = "layerlint.formats")
    protected String formats;

    /**
     * Per-rule configuration: rule id (or hadolint/BuildKit alias) to {@code off}, {@code on},
     * {@code error}, {@code warning} or {@code info}, e.g. {@code <rules><RunsAsRoot>error</RunsAsRoot></rules>}.
     * An unknown rule or value fails the build with the list of known rules.
     */
    @Parameter
    protected Map<String, String> rules = new LinkedHashMap<>();

    /**
     * The same as {@code rules}, from the command line: {@code -Dlayerlint.rules=RunsAsRoot:off,ConsecutiveRuns:error}.
     * Entries here win over {@code rules}.
     */
    @Parameter(property = "layerlint.rules")
    protected String rulesProperty;

    /** The goal's name, as used in report file names. */
    protected abstract String goal();

    /** True when the goal-specific skip flag is set. */
    protected abstract boolean skipGoal();

    /** Maven's log, with control characters in every message escaped (see {@link ControlCharacters}). */
    @Override
    public Log getLog() {
        return new EscapingLog(super.getLog());
    }

    /** Runs the goal; a failure's message is escaped like every log line, since Maven prints it. */
    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        try {
            executeGoal();
        } catch (MojoFailureException e) {
            MojoFailureException safe = new MojoFailureException(ControlCharacters.escape(e.getMessage()), e.getCause());
            safe.setStackTrace(e.getStackTrace());
            throw safe;
        } catch (MojoExecutionException e) {
            MojoExecutionException safe = new MojoExecutionException(ControlCharacters.escape(e.getMessage()), e.getCause());
            safe.setStackTrace(e.getStackTrace());
            throw safe;
        }
    }

    private void executeGoal() throws MojoExecutionException, MojoFailureException {
        if (skip || skipGoal()) {
            getLog().info("layerlint:" + goal() + " skipped");
            return;
        }
        Optional<Severity> threshold = failThreshold();
        List<ReportFormat> reportFormats = reportFormats();
        GoalReport report = run();
        writeReport(report, threshold, reportFormats);
        List<Finding> failing = threshold.map(report::atLeast).orElse(List.of());
        String summary = "layerlint:" + goal() + ": " + report.summaryLine();
        if (!failing.isEmpty()) {
            throw new MojoFailureException(summary + " (failOn=" + failOn.strip().toLowerCase(Locale.ROOT) + "); report: "
                    + outputPath().resolve(goal() + ".json"));
        }
        getLog().info(summary);
    }

    /** Does the goal's work, logs its findings, and returns the report. */
    protected abstract GoalReport run() throws MojoExecutionException, MojoFailureException;

    /**
     * The report directory. Without a pom Maven's stand-in project leaves {@code ${project.build.directory}}
     * unresolved; then reports go to {@code ./target/layerlint}.
     */
    protected Path outputPath() {
        String configured = outputDirectory.getPath();
        return configured.contains("${") ? basePath().resolve("target").resolve("layerlint") : outputDirectory.toPath();
    }

    protected Path basePath() {
        return baseDirectory.toPath().toAbsolutePath().normalize();
    }

    protected List<Path> resolveDockerfiles() throws MojoExecutionException {
        try {
            return DockerfileFinder.find(basePath(), dockerfiles);
        } catch (DockerfileFinder.NoMatchException e) {
            throw new MojoExecutionException("layerlint: " + e.getMessage()
                    + "; set <dockerfiles> (property layerlint.dockerfiles) or skip with -Dlayerlint.skip");
        }
    }

    /**
     * Rule settings from, in rising precedence: {@code inherited} (e.g. a {@code .hadolint.yaml}), the
     * pom's {@code <rules>}, and {@code -Dlayerlint.rules}.
     */
    protected RuleSettings ruleSettings(RuleOptions options, Map<String, String> inherited) throws MojoExecutionException {
        Map<String, String> merged = new LinkedHashMap<>(inherited);
        merged.putAll(rules == null ? Map.of() : rules);
        if (rulesProperty != null && !rulesProperty.isBlank()) {
            for (String entry : rulesProperty.split(",")) {
                String[] kv = entry.split(":", 2);
                if (kv.length != 2) {
                    throw new MojoExecutionException("layerlint.rules: '" + entry.strip()
                            + "' is not RuleId:setting (settings: off, on, error, warning, info)");
                }
                merged.put(kv[0].strip(), kv[1].strip());
            }
        }
        try {
            return RuleSettings.parse(merged, options);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("layerlint <rules>: " + e.getMessage());
        }
    }

    protected void log(Finding f) {
        String line = f.toConsoleLine();
        switch (f.severity()) {
            case ERROR -> getLog().error(line);
            case WARNING -> getLog().warn(line);
            case INFO -> getLog().info(line);
        }
    }

    protected GoalReport report(List<Finding> findings, Map<String, Object> sections) {
        return new GoalReport(ToolVersion.get(), goal(), findings, sections);
    }

    private Optional<Severity> failThreshold() throws MojoExecutionException {
        String value = failOn == null ? "" : failOn.strip();
        if (value.equalsIgnoreCase("none")) {
            return Optional.empty();
        }
        return Optional.of(Severity.parse(value).orElseThrow(() -> new MojoExecutionException(
                "layerlint: failOn '" + failOn + "' is not one of error, warning, info, none")));
    }

    /**
     * The files and rules the goal checked, which the test-report formats list even when they pass: by
     * default the Dockerfiles and the enabled Dockerfile rules. Goals that check other things override it.
     */
    protected ReportScope reportScope() throws MojoExecutionException {
        return dockerfileScope(ruleSettings(RuleOptions.DEFAULTS, Map.of()));
    }

    /** The Dockerfiles of the run and the Dockerfile rules enabled under {@code settings}. */
    protected ReportScope dockerfileScope(RuleSettings settings) throws MojoExecutionException {
        List<String> files = resolveDockerfiles().stream().map(f -> DockerfileFinder.displayPath(basePath(), f)).toList();
        List<String> ruleIds = RuleCatalog.dockerfileRules().stream().filter(settings::enabled).map(Rule::id).toList();
        return new ReportScope(files, ruleIds);
    }

    private List<ReportFormat> reportFormats() throws MojoExecutionException {
        try {
            return ReportFormat.parseList(formats == null ? "" : formats);
        } catch (UnknownReportFormatException e) {
            throw new MojoExecutionException("layerlint formats: " + e.getMessage());
        }
    }

    private void writeReport(GoalReport report, Optional<Severity> threshold, List<ReportFormat> reportFormats)
            throws MojoExecutionException {
        try {
            Path written = new JsonReportWriter().write(report, outputPath());
            getLog().debug("layerlint: wrote " + written);
            if (!reportFormats.isEmpty()) {
                Optional<Path> stepSummary = Optional.ofNullable(System.getenv("GITHUB_STEP_SUMMARY"))
                        .filter(s -> !s.isBlank()).map(Path::of);
                ReportTarget target = new ReportTarget(basePath(), outputPath(), threshold, stepSummary);
                for (Path file : ReportWriters.write(reportFormats, ReportModel.of(report, reportScope()), target)) {
                    getLog().debug("layerlint: wrote " + file);
                }
            }
        } catch (IOException e) {
            throw new MojoExecutionException("layerlint: cannot write the report to " + outputPath() + ": " + e.getMessage(), e);
        }
    }
}
