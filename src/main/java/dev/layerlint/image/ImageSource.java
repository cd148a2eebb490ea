package dev.layerlint.image;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where an image is read from, parsed from the {@code image} parameter with skopeo's transport
 * prefixes: {@code docker-archive:PATH} (a {@code docker save} tar), {@code oci:DIR} (an OCI image
 * layout directory), {@code oci-archive:PATH} (an OCI image layout in a tar); anything else is a
 * reference or id the Docker daemon knows.
 */
public sealed interface ImageSource {

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
            throw new ImageReadException("image: no image given (a reference, docker-archive:PATH, oci:DIR or oci-archive:PATH)");
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

    private static Path pathAfter(String prefix, String text, Path baseDirectory) throws ImageReadException {
        String path = text.substring(prefix.length());
        if (path.isEmpty()) {
            throw new ImageReadException("image: '" + text + "' names no path after '" + prefix + "'");
        }
        return baseDirectory.resolve(path).normalize();
    }
}
