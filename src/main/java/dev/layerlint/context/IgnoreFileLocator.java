package dev.layerlint.context;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds the ignore file that a builder applies to the context of a Dockerfile. */
public final class IgnoreFileLocator {

    /** The ignore file at the context root that every builder reads. */
    public static final String DEFAULT_NAME = ".dockerignore";
    /** The ignore file at the context root that Podman and Buildah read before {@code .dockerignore}. */
    public static final String CONTAINER_NAME = ".containerignore";
    /** The file name Podman and Buildah look for first; a Dockerfile by this name is taken to be built by them. */
    public static final String CONTAINERFILE = "Containerfile";

    private IgnoreFileLocator() {
    }

    /**
     * BuildKit reads {@code <Dockerfile file name>.dockerignore} from the Dockerfile's own directory
     * (so {@code app.Dockerfile} gets {@code app.Dockerfile.dockerignore}, {@code Dockerfile} gets
     * {@code Dockerfile.dockerignore}), and when there is no such file {@code .dockerignore} at the
     * context root. The classic builder reads only the latter. A file that exists wins even when it
     * is empty; a directory of that name does not count.
     *
     * <p>A Containerfile (a file named {@code Containerfile}, or with that in its name such as
     * {@code app.Containerfile}) is what Podman and Buildah build, and gets their order, whatever the
     * builder: {@code <name>.dockerignore} beside it, else {@code <name>.containerignore} beside it,
     * else {@code .containerignore} at the context root, else {@code .dockerignore} there (Buildah's
     * {@code ContainerIgnoreFile}, used by {@code buildah build} and {@code podman build} since
     * Buildah 1.28 and Podman 4.3).
     *
     * @return the ignore file, or empty when the context has none (everything is sent)
     */
    public static Optional<Path> locate(Path dockerfile, Path contextDirectory, Builder builder) {
        return candidates(dockerfile, contextDirectory, builder).stream().filter(Files::isRegularFile).findFirst();
    }

    /** Where the builder looks, in its order. */
    private static List<Path> candidates(Path dockerfile, Path contextDirectory, Builder builder) {
        String name = dockerfile.getFileName().toString();
        List<Path> candidates = new ArrayList<>();
        if (name.contains(CONTAINERFILE)) {
            candidates.add(dockerfile.resolveSibling(name + DEFAULT_NAME));
            candidates.add(dockerfile.resolveSibling(name + CONTAINER_NAME));
            candidates.add(contextDirectory.resolve(CONTAINER_NAME));
        } else if (builder == Builder.BUILDKIT) {
            candidates.add(dockerfile.resolveSibling(name + DEFAULT_NAME));
        }
        candidates.add(contextDirectory.resolve(DEFAULT_NAME));
        return candidates;
    }
}
