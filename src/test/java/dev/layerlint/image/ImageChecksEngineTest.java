package dev.layerlint.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.layerlint.dockerfile.Dockerfile;
import dev.layerlint.dockerfile.DockerfileParser;
import dev.layerlint.dockerfile.ParseResult;
import dev.layerlint.report.Finding;
import dev.layerlint.rules.ImageChecker;
import dev.layerlint.rules.ImageInspection;
import dev.layerlint.rules.RuleSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Builds one Dockerfile with the classic builder and with BuildKit, reads each image from the
 * daemon, maps its layers to the Dockerfile, and runs the image checks: same lines, same findings.
 */
class ImageChecksEngineTest {

    private static final String TAG = "layerlint-test/checks:" + UUID.randomUUID().toString().substring(0, 8);
    private static final String DOCKERFILE = """
            FROM %s
            COPY . /app
            RUN rm -rf /app/.git /app/.env && echo cached > /tmp/cache.bin
            EXPOSE 8080
            CMD [`/app/start.sh`]
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
        Files.createDirectories(context.resolve(".git"));
        Files.writeString(context.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Files.writeString(context.resolve(".git/config"), "[core]\n");
        Files.writeString(context.resolve(".env"), "TOKEN=secret\n");
        Files.writeString(context.resolve("start.sh"), "#!/bin/sh\nexec httpd -f\n"); // not executable
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
    void layersMapToLinesAndChecksFindWhatTheDockerfileLeft(String builder) throws Exception {
        Image image = new ImageReader(DockerCli.onPath()).read(new ImageSource.Daemon(TAG + "-" + builder));
        Dockerfile dockerfile = ((ParseResult.Success) DockerfileParser.parse(context.resolve("Dockerfile"), "Dockerfile")).dockerfile();
        LayerMap map = LayerMap.align(image, Optional.of(dockerfile), OptionalInt.empty());
        assertEquals(List.of(), map.notices());
        assertEquals(List.of(LayerMap.Kind.BASE, LayerMap.Kind.DOCKERFILE, LayerMap.Kind.DOCKERFILE),
                map.layers().stream().map(LayerMap.LayerOrigin::kind).toList());
        assertEquals(List.of(2, 3), map.layers().subList(1, 3).stream().map(o -> o.instruction().orElseThrow().line()).toList());

        List<Finding> findings = new ImageChecker(RuleSettings.DEFAULTS)
                .check(new ImageInspection(image, map, Optional.of(dockerfile), Optional.empty()));
        assertEquals(List.of(
                        "ImageRunsAsRoot@1 the image runs as root (no User is set); switch to an unprivileged user with USER in the final stage",
                        "SecretInLayer@2 layer 1 (Dockerfile:2) stores /app/.env, /app/.git/ (3 entries); a later layer deletes them,"
                                + " but they stay extractable from this one; keep them out of the build context (.dockerignore) and"
                                + " use RUN --mount=type=secret for build secrets",
                        "CacheInLayer@3 layer 2 (Dockerfile:3) stores 7 bytes of temporary files (1 file); avoid them with `rm`"
                                + " in the same RUN that writes them",
                        "ImageWithoutHealthcheck@4 the image exposes 8080/tcp but has no health check; add a HEALTHCHECK whose"
                                + " program exists in the image",
                        "MissingExecutable@5 the CMD runs `/app/start.sh`, which is not an executable file; install it in the"
                                + " final stage or call a program the image has"),
                findings.stream().map(f -> f.ruleId() + "@" + f.line() + " " + f.message()).toList());
    }
}
