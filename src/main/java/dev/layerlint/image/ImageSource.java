package dev.layerlint.image;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where an image is read from, parsed from the {@code image} parameter with skopeo's transport
 * prefixes: {@code docker-archive:PATH} (a {@code docker save} tar), {@code oci:DIR} (an OCI image
 * layout directory), {@code oci-archive:PATH} (an OCI image layout in a tar),
 * {@code containers-storage:REFERENCE} (an image in Podman's and Buildah's local storage); anything
 * else is a reference or id the engine knows (the Docker daemon, or Podman's storage when the engine
 * is Podman).
 */
public sealed interface ImageSource {

    /** skopeo's and Buildah's transport name for the local containers storage. */
    String PODMAN_STORAGE = "containers-storage:";

    /** How the source is written in configuration, e.g. {@code oci:target/jib-image}. */
    String describe();

    /** An image in the Docker daemon, read through the {@code docker} CLI. */
    record Daemon(String reference) implements ImageSource {
        public Daemon {
            Objects.requireNonNull(reference, "reference");
        }

        @Override
        public String describe() {
            return reference;
        }
    }

    /** An image in the local containers storage that Podman and Buildah share, read through the {@code podman} CLI. */
    record ContainersStorage(String reference) implements ImageSource {
        public ContainersStorage {
            Objects.requireNonNull(reference, "reference");
        }

        @Override
        public String describe() {
            return PODMAN_STORAGE + reference;
        }
    }

    /** A {@code docker save} tar (any flavour: legacy per-layer folders, OCI layout inside, containerd store). */
    record DockerArchive(Path path) implements ImageSource {
        public DockerArchive {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String describe() {
            return "docker-archive:" + path;
        }
    }

    /** An OCI image layout directory ({@code buildx --output type=oci,tar=false}, {@code skopeo copy ... oci:DIR}). */
    record OciLayout(Path directory) implements ImageSource {
        public OciLayout {
            Objects.requireNonNull(directory, "directory");
        }

        @Override
        public String describe() {
            return "oci:" + directory;
        }
    }

    /** An OCI image layout in a tar ({@code buildx --output type=oci}, Jib's {@code jib-image.tar}). */
    record OciArchive(Path path) implements ImageSource {
        public OciArchive {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String describe() {
            return "oci-archive:" + path;
        }
    }

    /**
     * Parses the {@code image} parameter; relative paths resolve against {@code baseDirectory}.
     *
     * @throws ImageReadException when the text is blank or a prefix has no path
     */
    static ImageSource parse(String text, Path baseDirectory) throws ImageReadException {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty()) {
            throw new ImageReadException("image: no image given (a reference, docker-archive:PATH, oci:DIR, oci-archive:PATH"
                    + " or containers-storage:REFERENCE)");
        }
        if (trimmed.startsWith(PODMAN_STORAGE)) {
            return containersStorage(trimmed);
        }
        if (trimmed.startsWith("docker-archive:")) {
            return new DockerArchive(pathAfter("docker-archive:", trimmed, baseDirectory));
        }
        if (trimmed.startsWith("oci-archive:")) {
            return new OciArchive(pathAfter("oci-archive:", trimmed, baseDirectory));
        }
        if (trimmed.startsWith("oci:")) {
            return new OciLayout(pathAfter("oci:", trimmed, baseDirectory));
        }
        return new Daemon(trimmed);
    }

    private static ContainersStorage containersStorage(String text) throws ImageReadException {
        String reference = text.substring(PODMAN_STORAGE.length()).strip();
        if (reference.isEmpty()) {
            throw new ImageReadException("image: '" + text + "' names no image after '" + PODMAN_STORAGE + "'");
        }
        if (reference.startsWith("[")) {
            throw new ImageReadException("image: '" + text + "' names a storage ([driver@root+runroot]), which layerlint does"
                    + " not read; name the image in the default storage, or `podman --root ... save -o image.tar` it and"
                    + " name docker-archive:image.tar");
        }
        return new ContainersStorage(reference);
    }

    private static Path pathAfter(String prefix, String text, Path baseDirectory) throws ImageReadException {
        String path = text.substring(prefix.length());
        if (path.isEmpty()) {
            throw new ImageReadException("image: '" + text + "' names no path after '" + prefix + "'");
        }
        return baseDirectory.resolve(path).normalize();
    }
}
