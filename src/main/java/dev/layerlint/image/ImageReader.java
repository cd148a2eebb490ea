package dev.layerlint.image;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** Reads an {@link Image} from any {@link ImageSource}, streaming layer blobs with bounded memory. */
public final class ImageReader {

    private final DockerCli docker;
    private final long jarThreshold;

    /** A reader that looks into files named {@code *.jar} of {@link JarLayout#DEFAULT_THRESHOLD} bytes or more. */
    public ImageReader(DockerCli docker) {
        this(docker, JarLayout.DEFAULT_THRESHOLD);
    }

    /**
     * @param jarThreshold files named {@code *.jar} of at least this many bytes are looked into as their layer streams
     *                     ({@link Layer#jars()}); no other file's contents are read
     */
    public ImageReader(DockerCli docker, long jarThreshold) {
        this.docker = Objects.requireNonNull(docker, "docker");
        if (jarThreshold < 0) {
            throw new IllegalArgumentException("a jar threshold cannot be negative: " + jarThreshold);
        }
        this.jarThreshold = jarThreshold;
    }

    public Image read(ImageSource source) throws ImageReadException {
        if (source instanceof ImageSource.Daemon daemon) {
            return readDaemon(docker, daemon.reference(), daemon.reference());
        }
        if (source instanceof ImageSource.ContainersStorage storage) {
            return readDaemon(docker.podman(), storage.reference(), storage.describe());
        }
        if (source instanceof ImageSource.DockerArchive archive) {
            return ImageAssembler.fromDockerArchive(scanFile(archive.path()), source.describe());
        }
        if (source instanceof ImageSource.OciArchive archive) {
            return ImageAssembler.fromOciLayout(scanFile(archive.path()), source.describe());
        }
        Path directory = ((ImageSource.OciLayout) source).directory();
        if (!Files.exists(directory)) {
            throw new ImageNotFoundException(directory + ": no such directory");
        }
        if (!Files.isDirectory(directory)) {
            throw new ImageReadException(directory + ": not a directory (oci:DIR names an OCI image layout directory)");
        }
        return ImageAssembler.fromOciLayout(new OciDirectory(directory, jarThreshold), source.describe());
    }

    /** Reads a {@code docker save} or OCI layout tar from a stream, e.g. a pipe. */
    public static Image readDockerArchive(InputStream archive, String description) throws ImageReadException {
        return ImageAssembler.fromDockerArchive(ArchiveScanner.scan(archive, description), description);
    }

    /** The engine CLI that reading {@code source} needs, if any: the Docker daemon's or Podman's. */
    public Optional<DockerCli> engineFor(ImageSource source) {
        if (source instanceof ImageSource.Daemon) {
            return Optional.of(docker);
        }
        return source instanceof ImageSource.ContainersStorage ? Optional.of(docker.podman()) : Optional.empty();
    }

    private Image readDaemon(DockerCli engine, String reference, String described) throws ImageReadException {
        DockerCli.Inspection inspection = engine.inspect(reference);
        Image saved = engine.save(reference, (archive, description) ->
                ImageAssembler.fromDockerArchive(ArchiveScanner.scan(archive, description, jarThreshold), described));
        // the daemon's id: the config digest on the classic image store and in Podman's, the manifest digest on containerd's
        return new Image(described, inspection.id(), inspection.repoTags(), saved.size(), saved.compressedSize(),
                saved.config(), saved.layers(), saved.history());
    }

    private BlobStore scanFile(Path path) throws ImageReadException {
        if (!Files.isRegularFile(path)) {
            throw new ImageNotFoundException(path + ": no such file");
        }
        return ArchiveScanner.scan(path, jarThreshold);
    }
}
