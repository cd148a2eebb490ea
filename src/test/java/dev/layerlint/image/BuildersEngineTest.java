package dev.layerlint.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Builds one Dockerfile with Docker's classic builder, with BuildKit, with Podman and with Buildah
 * ({@code --layers}: one layer per instruction, as the others make), reads each
 * image from the engine and from every archive form, and checks the figures against the ones worked
 * out by hand below: the same for every builder and every form. The Dockerfile exercises hard links
 * within and across layers.
 */
class BuildersEngineTest {

    private static final String TAG = "layerlint-test/builders:" + UUID.randomUUID().toString().substring(0, 8);
    /** Layers above the base, one per RUN. */
    private static final String DOCKERFILE = """
            FROM %s
            RUN mkdir /hl && dd if=/dev/zero of=/hl/a.sh bs=1000 count=40 2>/dev/null && printf '#!/bin/sh\\necho hi\\n' | dd of=/hl/a.sh conv=notrunc 2>/dev/null && chmod 755 /hl/a.sh && ln /hl/a.sh /hl/b.sh && ln -s /hl/b.sh /hl/link
            RUN rm /hl/a.sh
            RUN mkdir /pair && dd if=/dev/zero of=/pair/x bs=1000 count=30 2>/dev/null && ln /pair/x /pair/y
            RUN rm /pair/x /pair/y
            RUN dd if=/dev/zero of=/lower bs=1000 count=20 2>/dev/null
            RUN ln /lower /lower-link
            RUN rm /lower
            RUN dd if=/dev/zero of=/first bs=1000 count=10 2>/dev/null && ln /first /second
            RUN dd if=/dev/zero of=/first bs=1000 count=1 2>/dev/null
            HEALTHCHECK CMD ["/hl/b.sh"]
            CMD ["/hl/b.sh"]
            """;
    /**
     * Each layer's tar holds its regular files once: 40,000 bytes under /hl/a.sh (/hl/b.sh a link to
     * it) and the 8-byte target of the symbolic link /hl/link; 30,000 under /pair/x; 20,000 under
     * /lower, and again when `ln` copies /lower up into its layer; 10,000 under /first; 1,000.
     */
    private static final List<Long> SIZES_ABOVE_BASE = List.of(40_008L, 0L, 30_000L, 0L, 20_000L, 20_000L, 0L, 10_000L, 1_000L);
    /**
     * rm /hl/a.sh: nothing, /hl/b.sh still shows the data; rm /pair/x /pair/y: 30,000, once; ln /lower:
     * the copy-up replaces layer 5's /lower, 20,000; rm /lower: nothing, /lower-link shows layer 6's
     * copy; the new /first: nothing, /second shows the old data.
     */
    private static final List<Long> CAUSED = List.of(0L, 0L, 0L, 0L, 30_000L, 0L, 20_000L, 0L, 0L, 0L);
    private static final long WASTED = 50_000;
    /** Stored above the base: 40,000 + 30,000 + 20,000 + 20,000 + 10,000 + 1,000; still reachable: that less the waste. */
    private static final long STORED = 121_000;
    private static final long REACHABLE = STORED - WASTED;
    /** The sizes above the base added up: the stored bytes and the symbolic link's 8. */
    private static final long SIZE_ABOVE_BASE = 121_008;

    enum Builder { CLASSIC, BUILDKIT, PODMAN, BUILDAH }

    enum Form { ENGINE, CONTAINERS_STORAGE, DOCKER_ARCHIVE, OCI_DIR, OCI_ARCHIVE }

    @TempDir
    static Path dir;
    private static final Set<Builder> BUILT = EnumSet.noneOf(Builder.class);

    @BeforeAll
    static void build() throws IOException {
        Path context = Files.createDirectories(dir.resolve("context"));
        Files.writeString(context.resolve("Dockerfile"), DOCKERFILE.formatted(Engine.BASE_IMAGE));
        if (Engine.available()) {
            Engine.buildClassic(context, tag(Builder.CLASSIC));
            BUILT.add(Builder.CLASSIC);
            Engine.buildWithBuildKit(context, tag(Builder.BUILDKIT));
            BUILT.add(Builder.BUILDKIT);
        }
        if (Engine.podmanAvailable()) {
            // the docker format keeps HEALTHCHECK, which OCI's image config has no field for
            Engine.check(context, "podman", "build", "--format", "docker", "--network", "none", "-q", "-t", tag(Builder.PODMAN), ".");
            BUILT.add(Builder.PODMAN);
            if (Engine.run(null, "buildah", "--version").exitCode() == 0) {
                Engine.check(context, "buildah", "build", "--layers", "--format", "docker", "--network", "none", "-q", "-t",
                        tag(Builder.BUILDAH), ".");
                BUILT.add(Builder.BUILDAH);
            }
        }
    }

    @AfterAll
    static void remove() throws IOException {
        for (Builder builder : BUILT) {
            Engine.run(null, inPodman(builder) ? "podman" : "docker", "image", "rm", "-f", tag(builder));
        }
    }

    /** Podman and Buildah share the containers storage. */
    private static boolean inPodman(Builder builder) {
        return builder == Builder.PODMAN || builder == Builder.BUILDAH;
    }

    private static String tag(Builder builder) {
        return TAG + "-" + builder.name().toLowerCase();
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void classicBuilder(Form form) throws Exception {
        check(Builder.CLASSIC, form);
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void buildKit(Form form) throws Exception {
        check(Builder.BUILDKIT, form);
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void podman(Form form) throws Exception {
        check(Builder.PODMAN, form);
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void buildah(Form form) throws Exception {
        Engine.requirePodman();
        if (!BUILT.contains(Builder.BUILDAH)) {
            if (Boolean.getBoolean("layerlint.requireEngine")) {
                fail("layerlint.requireEngine is true but buildah cannot be run");
            }
            Assumptions.abort("buildah cannot be run");
        }
        check(Builder.BUILDAH, form);
    }

    private static void check(Builder builder, Form form) throws Exception {
        boolean podman = inPodman(builder);
        if (podman || form == Form.CONTAINERS_STORAGE) {
            Engine.requirePodman();
        }
        if (!podman) {
            Engine.require();
        }
        Image image = read(builder, form);
        assertHandFigures(image);
        // an OCI image config has no field for it: HEALTHCHECK survives in Docker's forms only
        boolean oci = form == Form.OCI_DIR || form == Form.OCI_ARCHIVE;
        assertEquals(oci ? List.of() : List.of("CMD", "/hl/b.sh"),
                image.config().healthcheck().map(ImageConfig.Healthcheck::test).orElse(List.of()));
        assertMatchesTheEngine(builder, image);
    }

    private static Image read(Builder builder, Form form) throws Exception {
        String tag = tag(builder);
        boolean podman = inPodman(builder);
        String engine = podman ? "podman" : "docker";
        Path target = dir.resolve(builder + "-" + form + "-" + UUID.randomUUID());
        ImageReader docker = new ImageReader(DockerCli.onPath());
        return switch (form) {
            case ENGINE -> new ImageReader(podman ? DockerCli.podmanOnPath() : DockerCli.onPath()).read(new ImageSource.Daemon(tag));
            case CONTAINERS_STORAGE -> {
                if (!podman) {
                    Engine.check(null, "skopeo", "copy", "--quiet", "docker-daemon:" + tag, "containers-storage:" + tag);
                }
                try {
                    yield docker.read(new ImageSource.ContainersStorage(tag));
                } finally {
                    if (!podman) {
                        Engine.run(null, "podman", "image", "rm", "-f", tag);
                    }
                }
            }
            case DOCKER_ARCHIVE -> {
                Engine.check(null, engine, "save", "-o", target.toString(), tag);
                yield docker.read(new ImageSource.DockerArchive(target));
            }
            case OCI_DIR -> {
                Engine.check(null, podman ? new String[] {"podman", "save", "--format", "oci-dir", "-o", target.toString(), tag}
                        : new String[] {"skopeo", "copy", "--quiet", "docker-daemon:" + tag, "oci:" + target});
                yield docker.read(new ImageSource.OciLayout(target));
            }
            case OCI_ARCHIVE -> {
                Engine.check(null, podman ? new String[] {"podman", "save", "--format", "oci-archive", "-o", target.toString(), tag}
                        : new String[] {"skopeo", "copy", "--quiet", "docker-daemon:" + tag, "oci-archive:" + target});
                yield docker.read(new ImageSource.OciArchive(target));
            }
        };
    }

    private static void assertHandFigures(Image image) {
        List<Layer> layers = image.layers();
        assertEquals(SIZES_ABOVE_BASE, layers.stream().skip(1).map(Layer::size).toList());
        long baseFiles = layers.get(0).files().stream().filter(LayerEntry.File::isRegular).mapToLong(LayerEntry.File::size).sum();
        assertEquals(layers.get(0).size() + SIZE_ABOVE_BASE, image.size());

        WasteAnalysis waste = WasteAnalysis.of(layers);
        assertEquals(WASTED, waste.wastedBytes());
        assertEquals(CAUSED, waste.layers().stream().map(WasteAnalysis.LayerWaste::causedBytes).toList());
        assertEquals(List.of(new WasteAnalysis.WastedPath("/pair/x", 30_000, 1), new WasteAnalysis.WastedPath("/lower", 20_000, 1)),
                waste.topWastedPaths());
        // every base file is one copy; above it the copies kept reachable over all copies stored
        assertEquals((double) (baseFiles + REACHABLE) / (baseFiles + STORED), waste.efficiency());

        FileSystemView files = image.fileSystem();
        assertTrue(files.isExecutable("/hl/b.sh"));
        assertTrue(files.isExecutable("/hl/link"));
        assertEquals(10_000, files.resolve("/second").orElseThrow().file().size());
        assertEquals(1_000, files.resolve("/first").orElseThrow().file().size());
        assertEquals(20_000, files.resolve("/lower-link").orElseThrow().file().size());
    }

    /** The layers are the engine's (diff ids); with the classic builder each layer's size is what docker history reports. */
    private static void assertMatchesTheEngine(Builder builder, Image image) throws IOException {
        String engine = inPodman(builder) ? "podman" : "docker";
        List<String> diffIds = Engine.lines(Engine.check(null, engine, "image", "inspect", "--format",
                "{{range .RootFS.Layers}}{{println .}}{{end}}", tag(builder)));
        assertEquals(diffIds, image.layers().stream().map(Layer::diffId).toList());
        if (builder == Builder.CLASSIC) {
            List<String> history = new ArrayList<>(Engine.lines(Engine.check(null, "docker", "history", "--human=false",
                    "--format", "{{.Size}}", tag(builder))));
            Collections.reverse(history);
            List<Long> nonEmpty = new ArrayList<>();
            for (int i = 0; i < history.size(); i++) {
                if (!image.history().get(i).emptyLayer()) {
                    nonEmpty.add(Long.parseLong(history.get(i)));
                }
            }
            assertEquals(nonEmpty, image.layers().stream().map(Layer::size).toList());
            assertEquals(Long.parseLong(Engine.check(null, "docker", "image", "inspect", "--format", "{{.Size}}",
                    tag(builder)).strip()), image.size());
        }
    }
}
