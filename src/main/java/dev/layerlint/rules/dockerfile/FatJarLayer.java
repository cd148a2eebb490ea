package dev.layerlint.rules.dockerfile;

import dev.layerlint.dockerfile.Dockerfile;
import dev.layerlint.dockerfile.Flag;
import dev.layerlint.dockerfile.Instruction;
import dev.layerlint.dockerfile.Keyword;
import dev.layerlint.dockerfile.Stage;
import dev.layerlint.report.Severity;
import dev.layerlint.rules.DockerfileRule;
import dev.layerlint.rules.DockerfileRuleContext;
import dev.layerlint.rules.RuleInfo;
import dev.layerlint.shell.PackageManager;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

@RuleInfo(
        id = "FatJarLayer",
        severity = Severity.INFO,
        summary = "A Spring Boot or Quarkus uber jar copied as one layer: every code change re-ships all its dependencies.",
        description = """
                A Spring Boot or Quarkus uber jar holds the application and every dependency, 50 to 150 MB, \
                and `COPY target/app.jar /app/` makes it one layer. The dependencies change a few times a \
                year, the code with every commit: each build pushes, stores and pulls the whole jar again. \
                Split it so that the dependencies are a layer of their own that registries and nodes keep: \
                Spring Boot's layered extraction (`java -Djarmode=tools -jar app.jar extract --layers \
                --launcher` in a builder stage, `layertools` before Spring Boot 3.3, then COPY `dependencies/`, \
                `spring-boot-loader/`, `snapshot-dependencies/` and `application/` in that order), Quarkus' \
                fast-jar layout (`target/quarkus-app/lib/` first, `app/` last), or Jib, which layers without a \
                Dockerfile. \n\nHow the rule decides, since a Dockerfile does not show a jar's size or content: \
                a COPY or ADD of a `.jar` (or `*.jar`) into the image, which ENTRYPOINT or CMD runs with \
                `java -jar`, and something in the Dockerfile that shows an uber jar: its name \
                (`-runner.jar`, `-all.jar`, `-fat`, `-uber`, `-shaded`, `-with-dependencies`, `-exec.jar`), the \
                build that made it (`spring-boot:repackage`, `bootJar`, `shadowJar`, `assembly:single`, \
                `shade:shade`, Quarkus' `uber-jar` package type), or Spring Boot or Quarkus configured in the \
                image (`SPRING_…`/`QUARKUS_…` variables, `-Dspring.…`, `--spring.…`, `-Dquarkus.…`). It stays \
                quiet when the image already splits dependencies from classes (another COPY of a `lib/`, \
                `libs/`, `dependency/`, `dependencies/`, `BOOT-INF/`, `classes/` or `quarkus-app/` path), \
                when a RUN extracts the jar (`-Djarmode=…`, `jar -x`, `unzip`), and when nothing shows an uber \
                jar: `COPY target/app.jar` run with `java -jar` may be a small plain jar. That case is for \
                `inspect`: FatJarInLayer looks inside the jar in the built image and reports an uber jar \
                whatever its name.""",
        aliases = {})
public final class FatJarLayer implements DockerfileRule {

    /** Path segments that show dependencies copied apart from the application. */
    private static final Set<String> SPLIT_SEGMENTS = Set.of("lib", "libs", "dependency", "dependencies",
            "snapshot-dependencies", "spring-boot-loader", "boot-inf", "classes", "quarkus-app");
    private static final List<String> FAT_NAMES = List.of("-runner", "-all.", "-fat", "-uber", "-shaded", "-with-dependencies", "-exec.");
    /** Maven goals and Gradle tasks that make a jar with its dependencies inside. */
    private static final Set<String> UBER_GOALS = Set.of("spring-boot:repackage", "bootJar", "shadowJar", "assembly:single",
            "shade:shade");
    private static final List<String> FRAMEWORK_VARIABLES = List.of("SPRING_", "QUARKUS_");
    private static final List<String> FRAMEWORK_PROPERTIES = List.of("-Dspring.", "--spring.", "-Dquarkus.", "-Dloader.");

    @Override
    public void check(DockerfileRuleContext context) {
        Dockerfile dockerfile = context.dockerfile();
        List<Stage> image = Stages.lineage(dockerfile, dockerfile.finalStage());
        if (!runsJar(dockerfile) || extractsJar(context, image) || image.stream().flatMap(s -> s.instructions().stream())
                .anyMatch(FatJarLayer::splitsDependencies)) {
            return;
        }
        for (Stage stage : image) {
            for (Instruction copy : stage.instructions()) {
                if (!copy.is(Keyword.COPY) && !copy.is(Keyword.ADD) || copy.args().size() < 2) {
                    continue;
                }
                Optional<String> jar = sources(copy).stream().filter(FatJarLayer::isJar).findFirst();
                if (jar.isPresent() && uberJar(context, dockerfile, stage, copy, jar.get())) {
                    String from = copy.flag("from").map(f -> "--from=" + f.valueOrEmpty() + " ").orElse("");
                    context.report(copy, copy.keyword() + " " + from + jar.get() + " puts the application and every dependency "
                            + "in one layer, so each code change re-ships all of it: extract it into layers (Spring Boot: "
                            + "java -Djarmode=tools -jar app.jar extract --layers --launcher; layertools before 3.3), use "
                            + "Quarkus' fast-jar (target/quarkus-app/lib/ first, the app last) or Jib");
                }
            }
        }
    }

    private static List<String> sources(Instruction copy) {
        return copy.args().subList(0, copy.args().size() - 1);
    }

    private static boolean isJar(String source) {
        return source.toLowerCase(Locale.ROOT).endsWith(".jar");
    }

    /** The last ENTRYPOINT or CMD of the image runs a jar with {@code -jar}. */
    private static boolean runsJar(Dockerfile dockerfile) {
        for (Keyword keyword : List.of(Keyword.ENTRYPOINT, Keyword.CMD)) {
            Optional<Instruction> last = Stages.lastInLineage(dockerfile, dockerfile.finalStage(), keyword);
            if (last.isPresent() && last.get().args().stream().flatMap(a -> List.of(a.split("\\s+")).stream()).anyMatch("-jar"::equals)) {
                return true;
            }
        }
        return false;
    }

    private static boolean extractsJar(DockerfileRuleContext context, List<Stage> image) {
        return RunStep.all(context).stream().filter(step -> image.contains(step.stage())).flatMap(step -> step.commands().stream())
                .anyMatch(c -> c.args().stream().anyMatch(a -> a.startsWith("-Djarmode="))
                        || c.runs("jar") && !c.args().isEmpty() && c.args().get(0).replace("-", "").startsWith("x")
                        || c.runs("unzip") && c.args().stream().anyMatch(FatJarLayer::isJar) && !c.args().contains("-p"));
    }

    /** A COPY or ADD whose source or target has a path segment of separately copied dependencies. */
    private static boolean splitsDependencies(Instruction ins) {
        if (!ins.is(Keyword.COPY) && !ins.is(Keyword.ADD)) {
            return false;
        }
        // Gradle's output directory, build/libs, holds the application jar itself
        return ins.args().stream().anyMatch(path -> List.of(path.toLowerCase(Locale.ROOT).replace("build/libs/", "build/").split("/"))
                .stream().anyMatch(SPLIT_SEGMENTS::contains));
    }

    /**
     * The Dockerfile shows that the jar holds its dependencies: its name says so, the stage that built it made
     * an uber jar ({@code spring-boot:repackage}, {@code bootJar}, {@code shadowJar}, Quarkus' {@code uber-jar}),
     * or the image configures Spring Boot or Quarkus (their environment variables or system properties).
     */
    private static boolean uberJar(DockerfileRuleContext context, Dockerfile dockerfile, Stage stage, Instruction copy, String jar) {
        String name = Archives.baseName(jar).toLowerCase(Locale.ROOT);
        if (FAT_NAMES.stream().anyMatch(name::contains) || configuresFramework(dockerfile)) {
            return true;
        }
        Optional<Stage> builder = copy.flag("from").map(Flag::valueOrEmpty).flatMap(dockerfile::stage)
                .filter(s -> s.index() < stage.index());
        List<Stage> building = builder.map(b -> Stages.lineage(dockerfile, b)).orElse(List.of(stage));
        return RunStep.all(context).stream().filter(step -> building.contains(step.stage())).flatMap(step -> step.calls().stream())
                .filter(c -> c.manager() == PackageManager.MVN || c.manager() == PackageManager.GRADLE)
                .anyMatch(c -> c.operands().stream().anyMatch(UBER_GOALS::contains)
                        || c.optionValues("-D").stream().anyMatch(d -> d.contains("uber-jar")));
    }

    /** ENV, ARG, ENTRYPOINT or CMD of the image that configure Spring Boot or Quarkus. */
    private static boolean configuresFramework(Dockerfile dockerfile) {
        for (Stage stage : Stages.lineage(dockerfile, dockerfile.finalStage())) {
            for (Instruction ins : stage.instructions()) {
                boolean env = (ins.is(Keyword.ENV) || ins.is(Keyword.ARG)) && ins.pairs().stream()
                        .anyMatch(kv -> FRAMEWORK_VARIABLES.stream().anyMatch(kv.key().toUpperCase(Locale.ROOT)::startsWith));
                boolean command = (ins.is(Keyword.ENTRYPOINT) || ins.is(Keyword.CMD)) && ins.args().stream()
                        .anyMatch(a -> FRAMEWORK_PROPERTIES.stream().anyMatch(a::contains));
                if (env || command) {
                    return true;
                }
            }
        }
        return false;
    }

}
