package dev.layerlint.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds a real image and checks the reader's figures against what the engine itself reports,
 * for the daemon, a {@code docker save} archive of the installed engine's flavour, and an OCI
 * layout written by skopeo.
 */
class ImageReaderEngineTest {

    private static final String TAG = "layerlint-test/waste:" + UUID.randomUUID().toString().substring(0, 8);
    /** Layers above the base: dd 1 MB, rm it, dd 200 kB, chmod it, 300 kB under /cache, rm -rf /cache. */
    private static final String DOCKERFILE = """
            FROM %s
            RUN dd if=/dev/zero of=/big bs=1000 count=1000
            RUN rm /big
            RUN dd if=/dev/zero of=/data.bin bs=1000 count=200
            RUN chmod 700 /data.bin
            RUN mkdir /cache && dd if=/dev/zero of=/cache/a bs=1000 count=300
            RUN rm -rf /cache
            USER 65534
            CMD ["sh"]
            """;
    /** Per layer, bottom first: base, then the waste each RUN causes. */
    private static final long[] CAUSED = {0, 0, 1_000_000, 0, 200_000, 0, 300_000};

    @TempDir
    static Path dir;
    private static boolean built;

    private final ImageReader reader = new ImageReader(DockerCli.onPath());

    @BeforeAll
    static void build() throws IOException {
        if (!Engine.available()) {
            return;
        }
        Path context = Files.createDirectories(dir.resolve("context"));
        Files.writeString(context.resolve("Dockerfile"), DOCKERFILE.formatted(Engine.BASE_IMAGE));
        Engine.check(context, "docker", "build", "--network", "none", "-q", "-t", TAG, ".");
        built = true;
    }

    @BeforeEach
    void requireEngine() {
        Engine.require();
    }

    @AfterAll
    static void remove() throws IOException {
        if (built) {
            Engine.run(null, "docker", "image", "rm", "-f", TAG);
        }
    }

    @Test
    void daemonFiguresMatchTheEngine() throws Exception {
        Image image = reader.read(new ImageSource.Daemon(TAG));
        assertMatchesEngine(image);
        assertEquals(engineId(), image.id());
        assertEquals(List.of(TAG), image.repoTags());
        assertEquals(List.of("sh"), image.config().cmd());
        assertEquals(Optional.of("65534"), image.config().user());
    }

    @Test
    void dockerSaveArchiveFiguresMatchTheEngine() throws Exception {
        Path archive = dir.resolve("saved.tar");
        Engine.check(null, "docker", "save", "-o", archive.toString(), TAG);
        Image image = reader.read(new ImageSource.DockerArchive(archive));
        assertMatchesEngine(image);
        assertEquals(engineId(), image.id());
    }

    @Test
    void skopeoOciLayoutFiguresMatchTheEngine() throws Exception {
        Path layout = dir.resolve("oci-" + UUID.randomUUID());
        Engine.check(null, "skopeo", "copy", "--quiet", "docker-daemon:" + TAG, "oci:" + layout);
        // skopeo converts the config to OCI's, so the id differs; layers and sizes do not
        assertMatchesEngine(reader.read(new ImageSource.OciLayout(layout)));
    }

    @Test
    void skopeoOciArchiveFiguresMatchTheEngine() throws Exception {
        Path archive = dir.resolve("oci-" + UUID.randomUUID() + ".tar");
        Engine.check(null, "skopeo", "copy", "--quiet", "docker-daemon:" + TAG, "oci-archive:" + archive);
        assertMatchesEngine(reader.read(new ImageSource.OciArchive(archive)));
    }

    @Test
    void aMissingImageIsNamed() {
        ImageReadException error = assertThrows(ImageReadException.class,
                () -> reader.read(new ImageSource.Daemon("layerlint-test/absent:0")));
        // the daemon's wording of "no such image" differs between engine versions; the frame is ours
        assertTrue(error.getMessage().startsWith("image 'layerlint-test/absent:0' not found in the Docker daemon"
                + " ('docker image inspect layerlint-test/absent:0': "), error.getMessage());
        assertTrue(error.getMessage().endsWith("); build it before layerlint:inspect runs, or name an archive"),
                error.getMessage());
    }

    @Test
    void aDeadDaemonGivesExitCodeAndStderr() {
        ImageReader unreachable = new ImageReader(new DockerCli("docker", Map.of("DOCKER_HOST", "unix:///nonexistent.sock")));
        ImageReadException error = assertThrows(ImageReadException.class, () -> unreachable.read(new ImageSource.Daemon(TAG)));
        assertEquals("'docker image inspect " + TAG + "' failed with exit code 1: Cannot connect to the Docker daemon at"
                + " unix:///nonexistent.sock. Is the docker daemon running?", error.getMessage());
    }

    @Test
    void aMissingExecutableSaysWhatToSet() {
        ImageReader missing = new ImageReader(new DockerCli("/nonexistent/docker", Map.of()));
        ImageReadException error = assertThrows(ImageReadException.class, () -> missing.read(new ImageSource.Daemon(TAG)));
        assertTrue(error.getMessage().startsWith("cannot run the docker CLI '/nonexistent/docker' (Cannot run program"),
                error.getMessage());
        assertTrue(error.getMessage().endsWith("); install Docker or set the docker executable to its path"), error.getMessage());
    }

    private static String engineId() throws IOException {
        return Engine.check(null, "docker", "image", "inspect", "--format", "{{.Id}}", TAG).strip();
    }

    private static void assertMatchesEngine(Image image) throws IOException {
        String size = Engine.check(null, "docker", "image", "inspect", "--format", "{{.Size}}", TAG).strip();
        assertEquals(Long.parseLong(size), image.size());
        List<String> diffIds = Engine.lines(Engine.check(null, "docker", "image", "inspect", "--format",
                "{{range .RootFS.Layers}}{{println .}}{{end}}", TAG));
        assertEquals(diffIds, image.layers().stream().map(Layer::diffId).toList());

        // docker history lists every config history entry, newest first; empty_layer entries show 0
        List<String> history = new ArrayList<>(Engine.lines(Engine.check(null, "docker", "history", "--human=false",
                "--format", "{{.Size}}", TAG)));
        Collections.reverse(history);
        assertEquals(history.size(), image.history().size());
        List<Long> expectedLayerSizes = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            if (!image.history().get(i).emptyLayer()) {
                expectedLayerSizes.add(Long.parseLong(history.get(i)));
            }
        }
        assertEquals(expectedLayerSizes, image.layers().stream().map(Layer::size).toList());

        WasteAnalysis waste = WasteAnalysis.of(image.layers());
        assertEquals(1_500_000, waste.wastedBytes());
        List<Long> caused = new ArrayList<>();
        for (long bytes : CAUSED) {
            caused.add(bytes);
        }
        assertEquals(caused, waste.layers().stream().map(WasteAnalysis.LayerWaste::causedBytes).toList());
        assertEquals(1_500_000, waste.wastedBytesOutsideBase(1));
        assertEquals(List.of(new WasteAnalysis.WastedPath("/big", 1_000_000, 1),
                new WasteAnalysis.WastedPath("/cache/a", 300_000, 1),
                new WasteAnalysis.WastedPath("/data.bin", 200_000, 1)), waste.topWastedPaths());
    }
}
