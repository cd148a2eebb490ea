package dev.layerlint.maven;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerlint.budget.Baseline;
import dev.layerlint.budget.Budget;
import dev.layerlint.budget.BudgetEvaluation;
import dev.layerlint.budget.BudgetEvaluator;
import dev.layerlint.budget.BudgetException;
import dev.layerlint.budget.BudgetResult;
import dev.layerlint.budget.ByteSize;
import dev.layerlint.budget.Count;
import dev.layerlint.budget.LayerSelector;
import dev.layerlint.budget.Measure;
import dev.layerlint.budget.Percent;
import dev.layerlint.budget.SizeChange;
import dev.layerlint.dockerfile.Dockerfile;
import dev.layerlint.dockerfile.DockerfileFinder;
import dev.layerlint.dockerfile.DockerfileParser;
import dev.layerlint.dockerfile.ParseResult;
import dev.layerlint.image.DockerCli;
import dev.layerlint.image.Image;
import dev.layerlint.image.ImageNotFoundException;
import dev.layerlint.image.ImageReadException;
import dev.layerlint.image.ImageReader;
import dev.layerlint.image.ImageSource;
import dev.layerlint.image.ImageSummary;
import dev.layerlint.image.LayerMap;
import dev.layerlint.report.Finding;
import dev.layerlint.report.GoalReport;
import dev.layerlint.report.ReportScope;
import dev.layerlint.rules.ImageChecker;
import dev.layerlint.rules.ImageInspection;
import dev.layerlint.rules.Rule;
import dev.layerlint.rules.RuleCatalog;
import dev.layerlint.rules.RuleOptions;
import dev.layerlint.rules.RuleSettings;
import dev.layerlint.text.Plural;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads the built image and holds it against the service's budget and the image checks; writes
 * {@code inspect.json} with the image's figures, each layer's Dockerfile line, and every budget.
 */
@Mojo(name = "inspect", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class InspectMojo extends AbstractLayerlintMojo {

    /**
     * The image: a reference or id the engine knows ({@code registry/app:1.4.2}), or
     * {@code docker-archive:PATH}, {@code oci:DIR}, {@code oci-archive:PATH}, or
     * {@code containers-storage:REFERENCE} (Podman's and Buildah's local storage, read with podman). Unset: the image Jib
     * recorded in {@code target/jib-image.json}, else the goal skips (see {@code requireImage}).
     */
    @Parameter(property = "layerlint.image")
    private String image;

    /**
     * The engine's CLI, a name looked up on {@code PATH} or a path: {@code docker}, or {@code podman} to read
     * images from Podman's local storage; it inherits the environment ({@code DOCKER_HOST}, {@code DOCKER_CONTEXT},
     * {@code CONTAINER_HOST}). Left at {@code docker} when no docker is on the PATH but podman is, Podman is used
     * (and the log says so).
     */
    @Parameter(property = "layerlint.docker", defaultValue = "docker")
    private String docker;

    /** Skips this goal only. */
    @Parameter(property = "layerlint.inspect.skip", defaultValue = "false")
    private boolean skipInspect;

    /**
     * Fails the build, instead of skipping with a warning, when no image is configured and Jib recorded none, or when
     * the configured image does not exist (yet). In CI ({@code CI=true}) a missing configured image fails anyway.
     */
    @Parameter(property = "layerlint.requireImage", defaultValue = "false")
    private boolean requireImage;

    /** Skips, instead of failing, when the image is to be read from a Docker daemon (or Podman) that cannot be reached. */
    @Parameter(property = "layerlint.skipWhenNoDaemon", defaultValue = "false")
    private boolean skipWhenNoDaemon;

    /** The recorded figures {@code maxGrowth} compares against; meant to be committed. */
    @Parameter(property = "layerlint.baselineFile", defaultValue = "${basedir}/" + Baseline.DEFAULT_FILE)
    private File baselineFile;

    /** Records the image's figures in {@code baselineFile} (the only file the plugin ever writes outside its output directory). */
    @Parameter(property = "layerlint.updateBaseline", defaultValue = "false")
    private boolean updateBaseline;

    /**
     * The base image (same forms as {@code image}); the layers the image shares with it count as
     * the base image's. Unset: the base layers are those below the Dockerfile's instructions.
     */
    @Parameter(property = "layerlint.baseImage")
    private String baseImage;

    /**
     * Jars in the image's layers of at least this size ({@code 10MB}, {@code 25MiB}: 1000-based B, kB, MB, GB or
     * 1024-based KiB, MiB, GiB) are looked into while their layer streams, and FatJarInLayer reports those that
     * carry their dependencies (Spring Boot's {@code BOOT-INF/lib/}, or many nested jars).
     */
    @Parameter(property = "layerlint.fatJarThreshold", defaultValue = "10MB")
    private String fatJarThreshold;

    /** Where Jib records the image it built. */
    @Parameter(defaultValue = "${project.build.directory}/jib-image.json", readonly = true)
    private File jibImageFile;

    /** The rule settings and subject of this run, for the report scope. */
    private RuleSettings settings = RuleSettings.DEFAULTS;
    private List<String> scopeFiles = List.of();

    @Override
    protected ReportScope reportScope() {
        return new ReportScope(scopeFiles, RuleCatalog.imageRules().stream().filter(settings::enabled).map(Rule::id).toList());
    }

    /** Where the run's image findings point: the Dockerfile when one was mapped, else the image reference. */
    private static String findingsFile(ImageInspection inspection) {
        return inspection.dockerfile().map(Dockerfile::path).orElse(inspection.image().reference());
    }

    @Override
    protected String goal() {
        return "inspect";
    }

    @Override
    protected boolean skipGoal() {
        return skipInspect;
    }

    @Override
    protected GoalReport run() throws MojoExecutionException {
        Budget limits = budgetLimits();
        Optional<String> configured = imageToInspect();
        if (configured.isEmpty()) {
            return skipped("no image to inspect: set <image> (property layerlint.image) or build with Jib");
        }
        RuleOptions options = ruleOptions();
        ImageReader reader = new ImageReader(engine(), options.fatJarThreshold());
        ImageSource source = source(configured.get());
        Optional<DockerCli> engine = reader.engineFor(source);
        if (engine.isEmpty() && isSet(baseImage)) {
            engine = reader.engineFor(source(baseImage));
        }
        if (engine.isPresent()) {
            try {
                engine.get().serverVersion();
            } catch (ImageReadException e) {
                if (skipWhenNoDaemon) {
                    getLog().warn("layerlint: " + e.getMessage());
                    return skipped(engine.get().store() + " cannot be reached (skipWhenNoDaemon)");
                }
                throw new MojoExecutionException("layerlint: " + e.getMessage()
                        + "; or skip with -Dlayerlint.skipWhenNoDaemon");
            }
        }
        Image inspected;
        try {
            inspected = reader.read(source);
        } catch (ImageNotFoundException e) {
            return missingImage(configured.get(), e);
        } catch (ImageReadException e) {
            throw new MojoExecutionException("layerlint: " + e.getMessage());
        }
        OptionalInt knownBase = !isSet(baseImage)
                ? OptionalInt.empty()
                : OptionalInt.of(inspected.layersSharedWith(read(reader, source(baseImage))));
        Mapped mapped = mapLayers(inspected, knownBase);
        mapped.map().notices().forEach(notice -> getLog().warn("layerlint: " + notice));
        boolean excludesBase = limits.excludeLayers().stream().anyMatch(LayerSelector.BaseLayers.class::isInstance);
        if (excludesBase && mapped.map().baseLayerCount() == 0) {
            getLog().warn("layerlint: excludeLayers names base, but the base image's layers are not known (no Dockerfile"
                    + " matches the image's history); set <baseImage> so that they can be left out");
        }

        Optional<BudgetEvaluation> evaluation = evaluate(inspected, limits, mapped.map().baseLayerCount());
        ImageInspection inspection = new ImageInspection(inspected, mapped.map(), mapped.dockerfile(), evaluation);
        settings = ruleSettings(options, Map.of());
        scopeFiles = List.of(findingsFile(inspection));
        List<Finding> findings = new ImageChecker(settings).check(inspection);

        ImageSummary summary = ImageSummary.of(inspected, mapped.map());
        logImage(summary);
        evaluation.ifPresent(this::logBudgets);
        findings.forEach(this::log);

        Map<String, Object> sections = new LinkedHashMap<>();
        sections.put("image", summary);
        sections.put("budgets", evaluation.map(e -> e.results().stream().map(InspectMojo::budgetJson).toList()).orElse(List.of()));
        return report(findings, sections);
    }

    private RuleOptions ruleOptions() throws MojoExecutionException {
        try {
            RuleOptions defaults = RuleOptions.DEFAULTS;
            return new RuleOptions(defaults.trustedRegistries(), defaults.allowedBaseImages(), defaults.toolchainPackages(),
                    ByteSize.parse(fatJarThreshold, "fatJarThreshold").bytes());
        } catch (BudgetException e) {
            throw new MojoExecutionException("layerlint: " + e.getMessage());
        }
    }

    private Optional<String> imageToInspect() throws MojoExecutionException {
        if (isSet(image)) {
            return Optional.of(image.strip());
        }
        Path jib = jibImageFile.toPath();
        if (!jibImageFile.getPath().contains("${") && Files.isRegularFile(jib)) {
            try {
                JsonNode imageId = new ObjectMapper().readTree(jib.toFile()).path("imageId");
                if (imageId.isTextual() && !imageId.asText().isBlank()) {
                    getLog().info("layerlint: inspecting the image Jib built, " + imageId.asText() + " (from " + displayed(jib) + ")");
                    return Optional.of(imageId.asText());
                }
            } catch (IOException e) {
                throw new MojoExecutionException("layerlint: " + displayed(jib) + " cannot be read: " + e.getMessage());
            }
        }
        if (requireImage) {
            throw new MojoExecutionException("layerlint: no image to inspect: set <image> (property layerlint.image),"
                    + " or build with Jib so that " + displayed(jib) + " names one (requireImage is true)");
        }
        return Optional.empty();
    }

    /**
     * The configured image is not there. Many builds make it after {@code verify} (an {@code install}-bound plugin, a later
     * CI step), so on a developer's machine this warns and skips; in CI, or with {@code requireImage}, it fails.
     */
    private GoalReport missingImage(String reference, ImageNotFoundException e) throws MojoExecutionException {
        String waysOut = "build the image before layerlint:inspect runs, bind inspect to the phase after the build that makes it"
                + " (<phase> in its <execution>), or skip the check with -Dlayerlint.inspect.skip";
        boolean inCi = "true".equalsIgnoreCase(System.getenv("CI"));
        if (requireImage || inCi) {
            throw new MojoExecutionException("layerlint: " + e.getMessage() + "; " + waysOut + " ("
                    + (requireImage ? "requireImage is true" : "CI=true: a missing image fails in CI") + ")");
        }
        getLog().warn("layerlint: image " + reference + " does not exist yet, so it is not checked: " + waysOut
                + "; in CI (CI=true) or with -Dlayerlint.requireImage this fails the build");
        return skipped("image " + reference + " not found");
    }

    private GoalReport skipped(String reason) {
        getLog().info("layerlint:inspect skipped: " + reason);
        return report(List.of(), Map.of("skipped", reason));
    }

    private ImageSource source(String text) throws MojoExecutionException {
        try {
            return ImageSource.parse(text, basePath());
        } catch (ImageReadException e) {
            throw new MojoExecutionException("layerlint: " + e.getMessage());
        }
    }

    private Image read(ImageReader reader, ImageSource source) throws MojoExecutionException {
        try {
            return reader.read(source);
        } catch (ImageReadException e) {
            throw new MojoExecutionException("layerlint: " + e.getMessage());
        }
    }

    private record Mapped(LayerMap map, Optional<Dockerfile> dockerfile) {
    }

    /** Maps the layers to the configured Dockerfile that explains most of them. */
    private Mapped mapLayers(Image inspected, OptionalInt knownBase) {
        Mapped best = new Mapped(LayerMap.align(inspected, Optional.empty(), knownBase), Optional.empty());
        List<Path> files;
        try {
            files = DockerfileFinder.find(basePath(), dockerfiles);
        } catch (DockerfileFinder.NoMatchException e) {
            getLog().info("layerlint: " + e.getMessage() + "; layers are not mapped to Dockerfile lines");
            return best;
        }
        long bestMapped = -1;
        for (Path file : files) {
            ParseResult parsed = DockerfileParser.parse(file, displayed(file));
            if (parsed instanceof ParseResult.Failure failure) {
                getLog().warn("layerlint: " + failure.path() + " cannot be parsed (" + failure.error().message()
                        + "); its layers are not mapped");
                continue;
            }
            Dockerfile dockerfile = ((ParseResult.Success) parsed).dockerfile();
            LayerMap map = LayerMap.align(inspected, Optional.of(dockerfile), knownBase);
            long mappedLayers = map.layers().stream().filter(origin -> origin.instruction().isPresent()).count();
            if (mappedLayers > bestMapped) {
                best = new Mapped(map, Optional.of(dockerfile));
                bestMapped = mappedLayers;
            }
        }
        return best;
    }

    private Optional<BudgetEvaluation> evaluate(Image inspected, Budget limits, int baseLayerCount) throws MojoExecutionException {
        boolean hasLimits = budget != null;
        if (!hasLimits && !updateBaseline) {
            return Optional.empty();
        }
        Path file = baselineFile.toPath();
        try {
            Optional<Baseline> baseline = Baseline.read(file);
            if (updateBaseline) {
                Baseline recorded = Baseline.of(inspected.reference(),
                        BudgetEvaluator.evaluate(inspected, limits, baseLayerCount, Optional.empty()).figures());
                recorded.write(file);
                getLog().info("layerlint: recorded the baseline in " + displayed(file) + ": " + new ByteSize(recorded.size())
                        + " (" + Plural.count(recorded.size(), "byte") + "), " + Plural.count(recorded.layers(), "layer"));
                baseline = Optional.of(recorded);
            }
            BudgetEvaluation evaluation = BudgetEvaluator.evaluate(inspected, limits, baseLayerCount, baseline);
            evaluation.notices().forEach(notice -> getLog().info("layerlint: " + notice
                    + " (-Dlayerlint.updateBaseline writes " + displayed(file) + ")"));
            return hasLimits ? Optional.of(evaluation) : Optional.empty();
        } catch (BudgetException e) {
            throw new MojoExecutionException("layerlint: " + e.getMessage());
        }
    }

    private void logImage(ImageSummary summary) {
        getLog().info("layerlint: " + summary.reference() + " (" + summary.id() + "): " + new ByteSize(summary.size())
                + " in " + Plural.count(summary.layers().size(), "layer") + ", " + new ByteSize(summary.wastedBytes()) + " wasted, efficiency "
                + String.format(java.util.Locale.ROOT, "%.2f%%", summary.efficiency() * 100));
        for (ImageSummary.LayerSummary layer : summary.layers()) {
            String origin = layer.base() ? "base image" : layer.instruction().map(line -> line.file() + ":" + line.line())
                    .orElse(layer.createdBy().map(InspectMojo::shorten).orElse("?"));
            getLog().info(String.format(java.util.Locale.ROOT, "layerlint:   layer %2d %9s%s  %s", layer.index(),
                    new ByteSize(layer.size()), layer.wastedBytes() > 0 ? " (wastes " + new ByteSize(layer.wastedBytes()) + ")" : "",
                    origin));
        }
    }

    private void logBudgets(BudgetEvaluation evaluation) {
        for (BudgetResult result : evaluation.results()) {
            getLog().info("layerlint: budget " + result.name() + ": limit " + result.limit() + ", actual " + result.actual()
                    + (result.passed() ? ", passed" : ", EXCEEDED"));
        }
    }

    /** The configured engine CLI; Podman's when {@code docker} is left at its default, no docker is on the PATH and podman is. */
    private DockerCli engine() {
        DockerCli cli = DockerCli.select(docker, Objects.requireNonNullElse(System.getenv("PATH"), ""));
        if (!cli.executable().equals(docker)) {
            getLog().info("layerlint: there is no docker on the PATH, but podman: images are read from Podman's local storage"
                    + " (set <docker> to choose)");
        }
        return cli;
    }

    private static boolean isSet(String parameter) {
        return parameter != null && !parameter.isBlank();
    }

    private static String shorten(String createdBy) {
        return createdBy.length() <= 60 ? createdBy : createdBy.substring(0, 57) + "...";
    }

    /** The figure as a number: bytes for sizes, a percentage for shares and efficiency, a count for layers. */
    private static Number value(Measure measure) {
        if (measure instanceof ByteSize size) {
            return size.bytes();
        }
        if (measure instanceof Percent percent) {
            return percent.value();
        }
        if (measure instanceof Count count) {
            return count.value();
        }
        return ((SizeChange) measure).bytes();
    }

    private static Map<String, Object> budgetJson(BudgetResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", result.name());
        json.put("limit", result.limit().toString());
        json.put("actual", result.actual().toString());
        json.put("passed", result.passed());
        json.put("limitValue", value(result.limit()));
        json.put("actualValue", value(result.actual()));
        return json;
    }
}
