package dev.layerlint.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ImageReaderTest {

    @TempDir
    Path dir;

    private final ImageReader reader = new ImageReader(DockerCli.onPath());
    private final TestImage sample = SampleImage.image();

    static Stream<Arguments> layouts() {
        return Stream.concat(archiveLayouts(), Stream.of(Arguments.of("oci directory", (Layout) (image, dir) -> {
            Path layout = dir.resolve("oci");
            image.writeOciDirectory(layout);
            return new ImageSource.OciLayout(layout);
        })));
    }

    static Stream<Arguments> archiveLayouts() {
        return Stream.of(
                Arguments.of("legacy docker save, manifest first", (Layout) (image, dir) -> {
                    Path archive = dir.resolve("legacy.tar");
                    image.writeLegacyDockerSave(archive, false);
                    return new ImageSource.DockerArchive(archive);
                }),
                Arguments.of("legacy docker save, manifest last", (Layout) (image, dir) -> {
                    Path archive = dir.resolve("legacy-last.tar");
                    image.writeLegacyDockerSave(archive, true);
                    return new ImageSource.DockerArchive(archive);
                }),
                Arguments.of("jib docker tarball", (Layout) (image, dir) -> {
                    Path archive = dir.resolve("jib-image.tar");
                    image.writeJibDockerTarball(archive);
                    return new ImageSource.DockerArchive(archive);
                }),
                Arguments.of("docker 25 save", (Layout) (image, dir) -> {
                    Path archive = dir.resolve("docker25.tar");
                    image.writeDocker25Save(archive);
                    return new ImageSource.DockerArchive(archive);
                }),
                Arguments.of("containerd save, gzip and zstd, manifest.json", (Layout) (image, dir) -> {
                    Path archive = dir.resolve("containerd.tar");
                    image.writeContainerdSave(archive, mixedCompression(), true);
                    return new ImageSource.DockerArchive(archive);
                }),
                Arguments.of("containerd save, index only", (Layout) (image, dir) -> {
                    Path archive = dir.resolve("containerd-index.tar");
                    image.writeContainerdSave(archive, mixedCompression(), false);
                    return new ImageSource.DockerArchive(archive);
                }),
                Arguments.of("oci archive", (Layout) (image, dir) -> {
                    Path archive = dir.resolve("oci.tar");
                    image.writeOciArchive(archive);
                    return new ImageSource.OciArchive(archive);
                }));
    }

    interface Layout {
        ImageSource write(TestImage image, Path dir);
    }

    private static List<Function<byte[], byte[]>> mixedCompression() {
        return List.of(LayerTar::gzip, LayerTar::zstd, LayerTar::gzip, LayerTar::zstd, LayerTar::gzip);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void readsEveryLayoutToTheSameFigures(String name, Layout layout) throws Exception {
        Image image = reader.read(layout.write(sample, dir));

        assertEquals(TestImage.digest(sample.config()), image.id());
        assertEquals(SampleImage.SIZE, image.size());
        assertEquals(5, image.layers().size());
        for (int i = 0; i < 5; i++) {
            Layer layer = image.layers().get(i);
            assertEquals(i, layer.index());
            assertEquals(SampleImage.LAYER_SIZES[i], layer.size(), "layer " + i);
            assertEquals(TestImage.digest(sample.tars().get(i)), layer.diffId());
        }
        assertEquals(Optional.of("RUN chmod +x /app/app.jar"), image.layers().get(3).createdBy());
        assertFalse(image.layers().get(4).hasContent());
        assertEquals(6, image.history().size());
        assertTrue(image.history().get(5).emptyLayer());

        WasteAnalysis waste = WasteAnalysis.of(image.layers());
        assertEquals(SampleImage.WASTED, waste.wastedBytes());
        for (int i = 0; i < 5; i++) {
            assertEquals(new WasteAnalysis.LayerWaste(i, SampleImage.CAUSED[i], SampleImage.HIDDEN[i]), waste.layers().get(i));
        }
        assertEquals(SampleImage.EFFICIENCY, waste.efficiency(), 1e-12);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("archiveLayouts")
    void streamingAnArchiveGivesWhatSeekingInTheFileGives(String name, Layout layout) throws Exception {
        ImageSource source = layout.write(sample, dir);
        Path file = source instanceof ImageSource.DockerArchive archive ? archive.path() : ((ImageSource.OciArchive) source).path();
        Image seeked = reader.read(source);
        try (InputStream in = Files.newInputStream(file)) {
            Image streamed = ImageReader.readDockerArchive(in, source.describe());
            assertEquals(seeked.layers(), streamed.layers());
            assertEquals(seeked.id(), streamed.id());
            assertEquals(seeked.compressedSize(), streamed.compressedSize());
        }
    }

    @Test
    void longNamesInPaxAndGnuForm() throws Exception {
        String longDir = "opt/" + "d".repeat(120);
        String longTarget = "/usr/share/" + "t".repeat(150);
        for (LayerTar layer : List.of(new LayerTar(), new LayerTar().gnuLongNames())) {
            TestImage image = new TestImage().layer("COPY", layer.dir(longDir).file(longDir + "/file.bin", 1234)
                    .symlink(longDir + "/link", longTarget));
            Path archive = dir.resolve("long.tar");
            image.writeLegacyDockerSave(archive, true);

            Layer read = reader.read(new ImageSource.DockerArchive(archive)).layers().get(0);
            assertEquals(List.of(
                    new LayerEntry.File("/" + longDir, LayerEntry.FileType.DIRECTORY, 0, 040755, Optional.empty()),
                    new LayerEntry.File("/" + longDir + "/file.bin", LayerEntry.FileType.REGULAR, 1234, 0100644, Optional.empty()),
                    new LayerEntry.File("/" + longDir + "/link", LayerEntry.FileType.SYMLINK, 0, 0100644, Optional.of(longTarget))),
                    read.entries());
            assertEquals(1234 + longTarget.length(), read.size());
        }
    }

    @Test
    void theImagesPathComesFromItsEnvironment() {
        ImageConfig config = new ImageConfig(Optional.empty(), List.of(), Optional.empty(), List.of(), List.of(),
                List.of("PATH=/usr/bin", "LANG=C", "PATH=/opt/java/bin::/usr/bin"), Optional.empty(), Map.of(), "linux", "amd64",
                List.of());
        assertEquals(List.of("/opt/java/bin", "/usr/bin"), config.searchPath());
    }

    @Test
    void readsTheConfigAndTags() throws Exception {
        Path archive = dir.resolve("legacy.tar");
        sample.writeLegacyDockerSave(archive, true);
        Image image = reader.read(new ImageSource.DockerArchive(archive));

        ImageConfig config = image.config();
        assertEquals(Optional.of("app:app"), config.user());
        assertFalse(config.runsAsRoot());
        assertEquals(List.of("8080/tcp"), config.exposedPorts());
        assertEquals(List.of("CMD", "/bin/sh", "-c", "true"), config.healthcheck().orElseThrow().test());
        assertEquals(List.of("/bin/sh"), config.entrypoint());
        assertEquals(List.of("-c", "echo hi"), config.cmd());
        assertEquals(Map.of("org.opencontainers.image.version", "1.0"), config.labels());
        assertEquals("linux", config.os());
        assertEquals(List.of("app:1.0"), image.repoTags());
        assertEquals(OptionalLong.empty(), image.compressedSize());
        assertEquals(Optional.empty(), image.layers().get(0).digest());
    }

    @Test
    void compressedBlobsGiveDigestsAndCompressedSizes() throws Exception {
        Path archive = dir.resolve("containerd.tar");
        sample.writeContainerdSave(archive, mixedCompression(), false);
        Image image = reader.read(new ImageSource.DockerArchive(archive));

        byte[] firstBlob = LayerTar.gzip(sample.tars().get(0));
        byte[] secondBlob = LayerTar.zstd(sample.tars().get(1));
        assertEquals(Optional.of(TestImage.digest(firstBlob)), image.layers().get(0).digest());
        assertEquals(OptionalLong.of(firstBlob.length), image.layers().get(0).compressedSize());
        assertEquals(OptionalLong.of(secondBlob.length), image.layers().get(1).compressedSize());
        long compressed = 0;
        for (int i = 0; i < 5; i++) {
            compressed += mixedCompression().get(i).apply(sample.tars().get(i)).length;
        }
        assertEquals(OptionalLong.of(compressed), image.compressedSize());
        assertEquals(List.of("docker.io/library/app:1.0"), image.repoTags());
    }

    @Test
    void finalFileSystemAppliesWhiteoutsAndFollowsLinks() throws Exception {
        Path archive = dir.resolve("oci.tar");
        sample.writeOciArchive(archive);
        FileSystemView fs = reader.read(new ImageSource.OciArchive(archive)).fileSystem();

        List<String> paths = fs.files().stream().map(visible -> visible.file().path()).toList();
        assertEquals(List.of("/app", "/app/app.jar", "/bin", "/bin/busybox", "/bin/ls", "/bin/sh", "/etc", "/etc/group",
                "/etc/passwd", "/tmp", "/tmp/cache", "/tmp/cache/c"), paths);
        assertEquals(250, fs.get("/etc/passwd").orElseThrow().file().size());
        assertEquals(3, fs.get("/etc/passwd").orElseThrow().layerIndex());
        assertTrue(fs.isExecutable("/bin/sh"));
        assertTrue(fs.isExecutable("/bin/ls"));
        assertTrue(fs.isExecutable("app/app.jar"));
        assertFalse(fs.isExecutable("/etc/passwd"));
        assertFalse(fs.exists("/data/keep"));
        assertFalse(fs.exists("/tmp/cache/a"));
        assertEquals("/bin/busybox", fs.resolve("/bin/sh").orElseThrow().file().path());
    }

    @Test
    void commandsAreFoundOnTheImagesPath() throws Exception {
        Path archive = dir.resolve("oci.tar");
        sample.writeOciArchive(archive);
        Image image = reader.read(new ImageSource.OciArchive(archive));
        FileSystemView fs = image.fileSystem();

        assertEquals(ImageConfig.DEFAULT_SEARCH_PATH, image.config().searchPath());
        assertEquals(Optional.of("/bin/sh"), fs.which("sh", image.config().searchPath()));
        assertEquals(Optional.of("/app/app.jar"), fs.which("./app/app.jar", List.of()));
        assertEquals(Optional.empty(), fs.which("curl", image.config().searchPath()));
        assertEquals(Optional.empty(), fs.which("passwd", List.of("/etc")));
        assertEquals(Optional.of("/app/app.jar"), fs.which("app.jar", List.of("/usr/bin", "/app")));
    }

    @Test
    void layersListWhatTheyLeaveInADirectory() throws Exception {
        Path archive = dir.resolve("legacy.tar");
        sample.writeLegacyDockerSave(archive, false);
        Image image = reader.read(new ImageSource.DockerArchive(archive));

        assertEquals(List.of("/tmp/cache", "/tmp/cache/a", "/tmp/cache/b"),
                image.layers().get(1).filesUnder("/tmp/cache/").stream().map(LayerEntry.File::path).toList());
        assertEquals(1000, image.layers().get(1).filesUnder("/tmp").stream().mapToLong(LayerEntry.File::size).sum());
        assertEquals(List.of(), image.layers().get(1).filesUnder("/tmp/cach"));
    }

    @Test
    void symlinkedDirectoriesResolveComponentByComponent() throws Exception {
        TestImage image = new TestImage().layer("base", new LayerTar()
                .dir("usr").dir("usr/bin").file("usr/bin/dash", 10, 0100755).symlink("usr/bin/sh", "dash")
                .symlink("bin", "usr/bin").symlink("loop", "loop"));
        Path archive = dir.resolve("links.tar");
        image.writeLegacyDockerSave(archive, false);
        FileSystemView fs = reader.read(new ImageSource.DockerArchive(archive)).fileSystem();

        assertEquals("/usr/bin/dash", fs.resolve("/bin/sh").orElseThrow().file().path());
        assertTrue(fs.isExecutable("/bin/sh"));
        assertFalse(fs.exists("/loop"));
        assertFalse(fs.exists("/bin/bash"));
    }

    @Test
    void identicalLayersSymlinkedInALegacyArchiveAreReadForEachPosition() throws Exception {
        TestImage image = new TestImage()
                .layer("ADD base", new LayerTar().file("etc/os-release", 30))
                .layer("RUN true", new LayerTar())
                .layer("COPY app.jar /app/", new LayerTar().dir("app").file("app/app.jar", 700))
                .layer("RUN true", new LayerTar());
        Path archive = dir.resolve("duplicates.tar");
        image.writeLegacyDockerSave(archive, true);

        Image read = reader.read(new ImageSource.DockerArchive(archive));
        assertEquals(List.of(30L, 0L, 700L, 0L), read.layers().stream().map(Layer::size).toList());
        assertEquals(read.layers().get(1).diffId(), read.layers().get(3).diffId());
        assertEquals(Optional.of("RUN true"), read.layers().get(3).createdBy());
    }

    @Test
    void countsTheLayersSharedWithTheBaseImage() throws Exception {
        Path app = dir.resolve("app.tar");
        sample.writeLegacyDockerSave(app, false);
        Path base = dir.resolve("base.tar");
        new TestImage().layer("ADD base", new LayerTar().dir("bin").file("bin/busybox", 1000, 0100755)
                .symlink("bin/sh", "busybox").hardlink("bin/ls", "bin/busybox")
                .dir("etc").file("etc/passwd", 200).file("etc/group", 100)).writeLegacyDockerSave(base, false);
        Image appImage = reader.read(new ImageSource.DockerArchive(app));

        assertEquals(1, appImage.layersSharedWith(reader.read(new ImageSource.DockerArchive(base))));
        assertEquals(5, appImage.layersSharedWith(appImage));
    }

    @Test
    void aCompressedDockerSaveIsReadToo() throws Exception {
        Path archive = dir.resolve("legacy.tar");
        sample.writeLegacyDockerSave(archive, true);
        Path gzipped = dir.resolve("legacy.tar.gz");
        Files.write(gzipped, LayerTar.gzip(Files.readAllBytes(archive)));

        Image image = reader.read(new ImageSource.DockerArchive(gzipped));
        assertEquals(SampleImage.SIZE, image.size());
        assertEquals(SampleImage.WASTED, WasteAnalysis.of(image.layers()).wastedBytes());
    }

    @Test
    void aMissingLayerBlobIsNamed() throws Exception {
        Path archive = dir.resolve("containerd.tar");
        sample.writeContainerdSave(archive, mixedCompression(), true);
        Path damaged = dir.resolve("damaged.tar");
        String missing = TestImage.blobPath(LayerTar.zstd(sample.tars().get(1)));
        copyWithout(archive, damaged, missing);

        ImageReadException error = assertThrows(ImageReadException.class,
                () -> reader.read(new ImageSource.DockerArchive(damaged)));
        assertEquals(damaged + ": 1 of 5 layer blobs is missing: " + missing, error.getMessage());
    }

    @Test
    void anIndexWithoutAnyPresentManifestNamesTheMissingDigests() throws Exception {
        Path archive = dir.resolve("containerd.tar");
        sample.writeContainerdSave(archive, mixedCompression(), false);
        Path damaged = dir.resolve("damaged.tar");
        Map<String, byte[]> files = TarContents.all(archive);
        String amd64 = files.entrySet().stream()
                .filter(file -> new String(file.getValue(), StandardCharsets.UTF_8).contains("\"layers\":["))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        files.remove(amd64);
        TestImage.writeTar(damaged, files);

        ImageReadException error = assertThrows(ImageReadException.class,
                () -> reader.read(new ImageSource.DockerArchive(damaged)));
        assertEquals(damaged + ": index.json leads to no image manifest the layout holds; missing blobs: "
                + TestImage.digest("absent arm64 manifest".getBytes(StandardCharsets.UTF_8)) + ", sha256:"
                + amd64.substring("blobs/sha256/".length()), error.getMessage());
    }

    @Test
    void aTruncatedArchiveIsNamed() throws Exception {
        Path archive = dir.resolve("legacy.tar");
        sample.writeLegacyDockerSave(archive, true);
        try (RandomAccessFile file = new RandomAccessFile(archive.toFile(), "rw")) {
            file.setLength(600_000); // in the middle of layer 1's /data/big
        }
        ImageReadException error = assertThrows(ImageReadException.class,
                () -> reader.read(new ImageSource.DockerArchive(archive)));
        assertTrue(error.getMessage().startsWith(archive + ": truncated or corrupt archive at entry '"), error.getMessage());
        assertTrue(error.getMessage().contains("/layer.tar'"), error.getMessage());
    }

    /** Cut exactly where an entry ends, a tar stream looks complete; the missing manifest gives it away. */
    @Test
    void archiveCutAtAnEntryBoundaryBeforeItsManifestIsTruncated() throws Exception {
        Path archive = dir.resolve("legacy-last.tar");
        sample.writeLegacyDockerSave(archive, true);
        long afterSecondEntry;
        try (org.apache.commons.compress.archivers.tar.TarArchiveInputStream tar =
                new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(Files.newInputStream(archive))) {
            tar.getNextEntry();
            tar.readAllBytes();
            tar.getNextEntry();
            tar.readAllBytes();
            afterSecondEntry = (tar.getBytesRead() + 511) / 512 * 512;
        }
        byte[] cut = java.util.Arrays.copyOf(Files.readAllBytes(archive), (int) afterSecondEntry);
        Path cutFile = dir.resolve("cut.tar");
        Files.write(cutFile, cut);
        String expected = ": ends after 2 entries without manifest.json or index.json: the archive is truncated (an"
                + " interrupted docker save or copy?) or is not an image archive; write it again with docker save";

        ImageReadException fromFile = assertThrows(ImageReadException.class,
                () -> reader.read(new ImageSource.DockerArchive(cutFile)));
        assertEquals(cutFile + expected, fromFile.getMessage());
        ImageReadException fromStream = assertThrows(ImageReadException.class,
                () -> ImageReader.readDockerArchive(new java.io.ByteArrayInputStream(cut), "docker save stream"));
        assertEquals("docker save stream" + expected, fromStream.getMessage());
    }

    @Test
    void notAnArchiveAtAll() throws Exception {
        Path archive = dir.resolve("empty.tar");
        Files.write(archive, new byte[0]);
        ImageReadException error = assertThrows(ImageReadException.class,
                () -> reader.read(new ImageSource.DockerArchive(archive)));
        assertEquals(archive + ": holds no tar entries: it is empty or not a tar archive; expected the output of"
                + " docker save, or an OCI image layout tar", error.getMessage());

        ImageReadException missing = assertThrows(ImageNotFoundException.class,
                () -> reader.read(new ImageSource.OciLayout(dir.resolve("nowhere"))));
        assertEquals(dir.resolve("nowhere") + ": no such directory", missing.getMessage());
        ImageReadException file = assertThrows(ImageReadException.class,
                () -> reader.read(new ImageSource.OciLayout(archive)));
        assertEquals(archive + ": not a directory (oci:DIR names an OCI image layout directory)", file.getMessage());
        assertThrows(ImageNotFoundException.class, () -> reader.read(new ImageSource.DockerArchive(dir.resolve("missing.tar"))));
    }

    private static void copyWithout(Path from, Path to, String dropped) throws IOException {
        Map<String, byte[]> files = TarContents.all(from);
        assertTrue(files.remove(dropped) != null, dropped);
        TestImage.writeTar(to, files);
    }
}
