package dev.layerlint.context;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the ignore file that a builder applies to the context of a Dockerfile. */
public final class IgnoreFileLocator {

    /** The ignore file at the context root that every builder reads. */
    public static final String DEFAULT_NAME = ".dockerignore";

    private IgnoreFileLocator() {
    }

    /**
     * BuildKit reads {@code <Dockerfile file name>.dockerignore} from the Dockerfile's own directory
     * (so {@code app.Dockerfile} gets {@code app.Dockerfile.dockerignore}, {@code Dockerfile} gets
     * {@code Dockerfile.dockerignore}), and when there is no such file {@code .dockerignore} at the
     * context root. The classic builder reads only the latter. A file that exists wins even when it
     * is empty; a directory of that name does not count.
     *
     * @return the ignore file, or empty when the context has none (everything is sent)
     */
    public static Optional<Path> locate(Path dockerfile, Path contextDirectory, Builder builder) {
        if (builder == Builder.BUILDKIT) {
            Path dockerfileSpecific = dockerfile.resolveSibling(dockerfile.getFileName() + ".dockerignore");
            if (Files.isRegularFile(dockerfileSpecific)) {
                return Optional.of(dockerfileSpecific);
            }
        }
        Path contextDefault = contextDirectory.resolve(DEFAULT_NAME);
        return Files.isRegularFile(contextDefault) ? Optional.of(contextDefault) : Optional.empty();
    }
}
