package dev.layerlint.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Writes the seed archives of {@link ImageArchiveFuzzTest}: small images in each layout the reader
 * accepts, plus a few with hostile layer entries. Run from the project directory with
 * {@code java -cp target/test-classes:$(cat cp.txt) dev.layerlint.image.ArchiveFuzzSeeds}
 * (see docs/fuzzing.md); the output is committed test data.
 */
final class ArchiveFuzzSeeds {

    private static final Path DIRECTORY = Path.of("src/test/resources/dev/layerlint/image/ImageArchiveFuzzTestInputs/read");

    private ArchiveFuzzSeeds() {
    }

    public static void main(String[] args) throws IOException {
        Files.createDirectories(DIRECTORY);
        TestImage small = new TestImage()
                .layer("ADD rootfs.tar /", new LayerTar().dir("bin").file("bin/busybox", 40, 0100755)
                        .symlink("bin/sh", "busybox").hardlink("bin/ls", "bin/busybox"))
                .layer("RUN rm /bin/ls", new LayerTar().whiteout("bin", "ls").opaque("tmp").file("tmp/a", 3));
        small.writeLegacyDockerSave(DIRECTORY.resolve("legacy-manifest-first.tar"), false);
        small.writeLegacyDockerSave(DIRECTORY.resolve("legacy-manifest-last.tar"), true);
        small.writeDocker25Save(DIRECTORY.resolve("docker25-oci.tar"));
        small.writeJibDockerTarball(DIRECTORY.resolve("jib-gzip-layers.tar"));
        List<Function<byte[], byte[]>> zstd = List.of(LayerTar::zstd, LayerTar::zstd);
        small.writeContainerdSave(DIRECTORY.resolve("containerd-zstd.tar"), zstd, true);
        new TestImage()
                .layer("COPY . /", new LayerTar().file("../../etc/escape", 4).file("/abs/file", 2)
                        .symlink("loop", "loop").symlink("up", "../../..").hardlink("hard", "../outside"))
                .writeLegacyDockerSave(DIRECTORY.resolve("hostile-layer-paths.tar"), false);
    }
}
