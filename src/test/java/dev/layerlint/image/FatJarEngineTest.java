package dev.layerlint.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.layerlint.dockerfile.Dockerfile;
import dev.layerlint.dockerfile.DockerfileParser;
import dev.layerlint.dockerfile.ParseResult;
import dev.layerlint.report.ByteSizes;
import dev.layerlint.rules.ImageChecker;
import dev.layerlint.rules.ImageInspection;
import dev.layerlint.rules.RuleOptions;
import dev.layerlint.rules.RuleSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A Spring Boot jar COPYed into an image built by the engine is reported at the COPY's line, with either builder. */
class FatJarEngineTest {

    private static final String TAG = "layerlint-test/fatjar:" + UUID.randomUUID().toString().substring(0, 8);
    private static final long THRESHOLD = 100_000;
    private static final byte[] JAR = TestJars.springBoot("3.4.1", 8, 20_000);
    private static final String DOCKERFILE = """
            FROM %s
            WORKDIR /app
            COPY small.jar ./
            COPY app.jar ./
            USER 1000
            CMD [`sh`]
            """.replace('`', '"');

    @TempDir
    static Path dir;
    private static Path context;
    private static boolean built;

    @BeforeAll
    static void build() throws IOException {
        if (!Engine.available()) {
            return;
        }
        context = Files.createDirectories(dir.resolve("context"));
        Files.writeString(context.resolve("Dockerfile"), DOCKERFILE.formatted(Engine.BASE_IMAGE));
        Files.write(context.resolve("app.jar"), JAR);
        Files.write(context.resolve("small.jar"), TestJars.springBoot("3.4.1", 2, 1_000));
        Engine.buildClassic(context, TAG + "-classic");
        Engine.buildWithBuildKit(context, TAG + "-buildkit");
        built = true;
    }

    @BeforeEach
    void requireEngine() {
        Engine.require();
    }

    @AfterAll
    static void remove() throws IOException {
        if (built) {
            Engine.run(null, "docker", "image", "rm", "-f", TAG + "-classic", TAG + "-buildkit");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"classic", "buildkit"})
    void theJarsLayerIsReportedAtItsCopyLine(String builder) throws Exception {
        Image image = new ImageReader(DockerCli.onPath(), THRESHOLD).read(new ImageSource.Daemon(TAG + "-" + builder));
        Dockerfile dockerfile = ((ParseResult.Success) DockerfileParser.parse(context.resolve("Dockerfile"), "Dockerfile")).dockerfile();
        LayerMap map = LayerMap.align(image, Optional.of(dockerfile), OptionalInt.empty());
        assertEquals(List.of(), map.notices());
        RuleOptions defaults = RuleOptions.DEFAULTS;
        RuleSettings settings = new RuleSettings(Set.of(), Map.of(), new RuleOptions(defaults.trustedRegistries(),
                defaults.allowedBaseImages(), defaults.toolchainPackages(), THRESHOLD));
        List<String> findings = new ImageChecker(settings).check(new ImageInspection(image, map, Optional.of(dockerfile), Optional.empty()))
                .stream().filter(f -> f.ruleId().equals("FatJarInLayer")).map(f -> f.file() + ":" + f.line() + " " + f.message()).toList();
        int layer = image.layers().size() - 1;
        assertEquals(List.of("Dockerfile:4 layer " + layer + " (Dockerfile:4) holds /app/app.jar, a " + ByteSizes.format(JAR.length)
                        + " Spring Boot 3.4.1 jar with its dependencies in BOOT-INF/lib/, so each code change re-ships all of them:"
                        + " extract it into layers (java -Djarmode=tools -jar app.jar extract --layers --launcher) in a builder stage"
                        + " and COPY dependencies/, spring-boot-loader/, snapshot-dependencies/ and application/ in that order"),
                findings);
    }
}
