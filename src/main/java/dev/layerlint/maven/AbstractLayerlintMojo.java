package dev.layerlint.maven;

import dev.layerlint.budget.Budget;
import dev.layerlint.budget.BudgetException;
import dev.layerlint.dockerfile.DockerfileFinder;
import dev.layerlint.report.Finding;
import dev.layerlint.report.FindingsBaseline;
import dev.layerlint.text.Plural;
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
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Parameters and behaviour every layerlint goal shares: which files, where reports go, when to fail. */
abstract class AbstractLayerlintMojo extends AbstractMojo {

    /** The project's base directory (the current directory when run without a pom). */
    @Parameter(defaultValue = "${basedir}", readonly = true, required = true)
    protected File baseDirectory;

    @Parameter(defaultValue = "${session}", readonly = true)
    private MavenSession session;

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    private MojoExecution mojoExecution;

    private static final String SUMMARIES = "dev.layerlint.summaries";

    /** The console while the goal runs: its lines are printed together when it ends. */
    private ConsoleBlock console;

    /**
     * Comma-separated Dockerfile paths or globs (<code>services/*&#47;Dockerfile</code>, <code>**&#47;*.Dockerfile</code>),
     * relative to the base directory. A plain path must exist (a missing {@code Dockerfile} stands for a
     * {@code Containerfile} beside it, as Podman and Buildah look for one); a glob must match at least one file
     * ({@code target/}, {@code node_modules/} and {@code .git/} are not searched).
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

    /**
     * The service's size budget, checked by {@code inspect}: {@code maxImageSize}, {@code maxLayerSize}, {@code maxLayers},
     * {@code maxWastedBytes}, {@code maxWastedPercent}, {@code minEfficiency}, {@code maxGrowth}, {@code excludeLayers},
     * {@code excludePaths}. A broken limit is a {@code BudgetExceeded} error finding. Every goal checks that the values
     * are valid, so a typo ({@code 250 MBs}) fails already in {@code validate}.
     */
    @Parameter
    protected BudgetParameters budget;

    /**
     * Findings accepted for now ({@code lint} and {@code dockerignore}): those recorded here are reported as known, at
     * info level, and only new findings fail the build. Text, one finding a line, meant to be committed; see
     * {@code updateFindingsBaseline}.
     */
    @Parameter(property = "layerlint.findingsBaseline", defaultValue = "${basedir}/" + FindingsBaseline.DEFAULT_FILE)
    protected File findingsBaseline;

    /**
     * Records the goal's current findings in {@code findingsBaseline} (the goal's earlier entries are replaced, so fixed
     * findings drop out; other goals' entries stay), and does not fail on them.
     */
    @Parameter(property = "layerlint.updateFindingsBaseline", defaultValue = "false")
    protected boolean updateFindingsBaseline;

    /** The recorded findings while the goal runs; empty for goals that do not use a findings baseline. */
    private Optional<FindingsBaseline.Known> known = Optional.empty();

    /** The goal's name, as used in report file names. */
    protected abstract String goal();

    /** True when the goal-specific skip flag is set. */
    protected abstract boolean skipGoal();

    /** Runs the goal; a failure's message is escaped like every log line, since Maven prints it. */
    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        console = new ConsoleBlock(new EscapingLog(super.getLog()), moduleLabel());
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
        } finally {
            console.flush();
            console = null;
        }
    }

    /**
     * Maven's log, with control characters in every message escaped (see {@link ControlCharacters}); while the goal
     * runs, its lines are held and printed as one block at its end (see {@link ConsoleBlock}).
     */
    @Override
    public Log getLog() {
        ConsoleBlock block = console;
        return block != null ? block : new EscapingLog(super.getLog());
    }

    private void executeGoal() throws MojoExecutionException, MojoFailureException {
        if (skip || skipGoal()) {
            getLog().info("layerlint:" + goal() + " skipped");
            return;
        }
        if (isAggregatorWithoutDockerfile()) {
            getLog().info("layerlint:" + goal() + " skipped: " + project.getArtifactId() + " is an aggregator (packaging pom) "
                    + "without a Dockerfile (" + dockerfiles + ")");
            return;
        }
        Optional<Severity> threshold = failsOnFindings() ? failThreshold() : Optional.empty();
        List<ReportFormat> reportFormats = reportFormats();
        budgetLimits();
        // the Dockerfiles are listed and read for anchors only when the goal has a baseline to match or to record
        Optional<FindingsBaseline> baseline = usesFindingsBaseline()
                ? Optional.of(readFindingsBaseline()).filter(b -> updateFindingsBaseline || b.count(goal()) > 0)
                : Optional.empty();
        Optional<Function<Finding, String>> anchors = baseline.isPresent() ? Optional.of(anchors()) : Optional.empty();
        known = baseline.filter(b -> !updateFindingsBaseline).map(b -> b.known(goal(), anchors.orElseThrow()));
        GoalReport report = run();
        if (baseline.isPresent()) {
            report = afterFindingsBaseline(report, baseline.get(), anchors.orElseThrow());
        }
        writeReport(report, threshold, reportFormats);
        List<Finding> failing = threshold.map(report::atLeast).orElse(List.of());
        String summary = "layerlint:" + report.name() + ": " + report.summaryLine();
        String failOnText = "failOn=" + (threshold.isEmpty() ? "none" : failOn.strip().toLowerCase(Locale.ROOT));
        List<String> earlier = earlierSummaries();
        earlier.add(summary + " (" + failOnText + ")");
        if (!failing.isEmpty()) {
            List<String> others = earlier.subList(0, earlier.size() - 1);
            throw new MojoFailureException(summary + " (" + failOnText + "); report: " + displayed(outputPath().resolve(report.name() + ".json"))
                    + (others.isEmpty() ? "" : "; earlier in this module: " + String.join("; ", others)));
        }
        String unfailing = failsOnFindings() ? " (failOn=none: reported, not failing)" : " left, not failing";
        getLog().info(summary + (threshold.isEmpty() && !report.findings().isEmpty() ? unfailing : ""));
    }

    /**
     * The summary lines of the goals that ran before in this module, this one's to be added: a failing goal repeats
     * them, so the end of the build counts every finding that was printed, also those of a goal that did not fail.
     */
    @SuppressWarnings("unchecked")
    private List<String> earlierSummaries() {
        if (project == null) {
            return new ArrayList<>();
        }
        synchronized (project) {
            Object held = project.getContextValue(SUMMARIES);
            if (held instanceof List<?> list) {
                return (List<String>) list;
            }
            List<String> summaries = java.util.Collections.synchronizedList(new ArrayList<>());
            project.setContextValue(SUMMARIES, summaries);
            return summaries;
        }
    }

    /**
     * An aggregator ({@code pom} packaging with {@code <modules>}) whose {@code dockerfiles} name no file: the plugin
     * declared in a reactor root's {@code <plugins>} meets the root itself.
     */
    private boolean isAggregatorWithoutDockerfile() {
        if (project == null || project.getFile() == null || !"pom".equals(project.getPackaging()) || project.getModules().isEmpty()) {
            return false;
        }
        try {
            DockerfileFinder.find(basePath(), dockerfiles);
            return false;
        } catch (DockerfileFinder.NoMatchException e) {
            return true;
        }
    }

    /** The module's artifactId in a build of several modules; empty otherwise. */
    private String moduleLabel() {
        boolean reactor = session != null && session.getProjects() != null && session.getProjects().size() > 1;
        return reactor && project != null ? project.getArtifactId() : "";
    }

    /**
     * The execution the reports are named after ({@code lint-api.json}): only when the module runs the goal in more
     * than one execution, and not for Maven's {@code default…} ids, so the usual single execution writes {@code lint.json}.
     */
    private Optional<String> executionName() {
        if (mojoExecution == null || project == null) {
            return Optional.empty();
        }
        String id = mojoExecution.getExecutionId();
        if (id == null || id.equals("default") || id.startsWith("default-")) {
            return Optional.empty();
        }
        String pluginKey = mojoExecution.getMojoDescriptor().getPluginDescriptor().getPluginLookupKey();
        long executions = project.getBuildPlugins().stream()
                .filter(plugin -> plugin.getKey().equals(pluginKey))
                .map(Plugin::getExecutions).flatMap(List::stream)
                .map(PluginExecution::getGoals)
                .filter(goals -> goals.contains(goal()))
                .count();
        return executions > 1 ? Optional.of(id) : Optional.empty();
    }

    /** Whether findings at or above {@code failOn} fail the build; {@code fix} reports what it left without failing. */
    protected boolean failsOnFindings() {
        return true;
    }

    /** Whether the goal's findings can be recorded in the findings baseline: {@code lint} and {@code dockerignore}. */
    protected boolean usesFindingsBaseline() {
        return false;
    }

    /** The findings as the goal logs and reports them: those the findings baseline records are marked known. */
    protected List<Finding> afterBaseline(List<Finding> findings) {
        return known.map(k -> k.mark(findings)).orElse(findings);
    }

    private FindingsBaseline readFindingsBaseline() throws MojoExecutionException {
        try {
            return FindingsBaseline.read(findingsBaseline.toPath(), displayed(findingsBaseline.toPath()));
        } catch (FindingsBaseline.InvalidException e) {
            throw new MojoExecutionException("layerlint: " + e.getMessage());
        }
    }

    private GoalReport afterFindingsBaseline(GoalReport report, FindingsBaseline baseline, Function<Finding, String> anchors)
            throws MojoExecutionException {
        String shown = displayed(findingsBaseline.toPath());
        if (updateFindingsBaseline) {
            FindingsBaseline recorded = baseline.recording(goal(), report.findings(), anchors);
            try {
                recorded.write(findingsBaseline.toPath());
            } catch (IOException e) {
                throw new MojoExecutionException("layerlint: cannot write the findings baseline " + shown + ": " + e.getMessage(), e);
            }
            getLog().info("layerlint: recorded " + Plural.count(report.findings().size(), "finding") + " of " + goal() + " in " + shown
                    + " (it held " + baseline.count(goal()) + "); they are known from now on and do not fail the build");
            List<Finding> marked = recorded.known(goal(), anchors).mark(report.findings());
            return new GoalReport(report.toolVersion(), report.goal(), report.execution(), marked, report.sections());
        }
        int count = known.map(FindingsBaseline.Known::count).orElse(0);
        long recordedCount = baseline.count(goal());
        if (recordedCount > 0) {
            getLog().info("layerlint: " + Plural.count(count, "known finding") + " of " + recordedCount + " recorded in " + shown
                    + " remain" + (count == 1 ? "s" : "") + (count < recordedCount
                            ? "; " + (recordedCount - count) + " fixed: -Dlayerlint.updateFindingsBaseline=true drops "
                                    + Plural.choose(recordedCount - count, "it", "them") + " from the file" : ""));
        }
        return report;
    }

    /**
     * What each finding is about, for the findings baseline: the text of the instruction at the finding's line in the
     * goal's Dockerfiles, else the first quoted name of its message.
     */
    private Function<Finding, String> anchors() throws MojoExecutionException {
        Map<String, Path> dockerfilesByName = new LinkedHashMap<>();
        for (Path file : resolveDockerfiles()) {
            dockerfilesByName.put(displayed(file), file);
        }
        return new FindingAnchors(dockerfilesByName, goal().equals("dockerignore"));
    }

    /** The {@code <budget>}, parsed; no limits when there is none. */
    protected Budget budgetLimits() throws MojoExecutionException {
        try {
            return budget == null ? Budget.none() : budget.toBudget();
        } catch (BudgetException e) {
            throw new MojoExecutionException("layerlint <budget>: " + e.getMessage());
        }
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

    /**
     * The directory findings and reports name files relative to: the root of the reactor (where Maven was started),
     * or the module's base directory when the module lies outside it.
     */
    protected Path reportRoot() {
        Path base = basePath();
        // where Maven was started (the -f pom's directory), also when -pl builds only some modules
        String executionRoot = session == null ? null : session.getExecutionRootDirectory();
        if (executionRoot == null || executionRoot.isBlank()) {
            return base;
        }
        Path root = Path.of(executionRoot).toAbsolutePath().normalize();
        return base.startsWith(root) ? root : base;
    }

    /** A file as findings, log lines and reports name it: relative to {@link #reportRoot()}, {@code .} for the root itself. */
    protected String displayed(Path file) {
        String shown = DockerfileFinder.displayPath(reportRoot(), file);
        return shown.isEmpty() ? "." : shown;
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
        return new GoalReport(ToolVersion.get(), goal(), executionName(), findings, sections);
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
        List<String> files = resolveDockerfiles().stream().map(this::displayed).toList();
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
                ReportTarget target = new ReportTarget(reportRoot(), outputPath(), threshold, stepSummary);
                for (Path file : ReportWriters.write(reportFormats, ReportModel.of(report, reportScope()), target)) {
                    getLog().debug("layerlint: wrote " + file);
                }
            }
        } catch (IOException e) {
            throw new MojoExecutionException("layerlint: cannot write the report to " + outputPath() + ": " + e.getMessage(), e);
        }
    }
}
