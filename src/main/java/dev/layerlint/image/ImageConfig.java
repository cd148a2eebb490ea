package dev.layerlint.image;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The parts of an image's config ({@code docker image inspect .Config} and the config blob) that checks use.
 *
 * @param user         {@code USER}; empty when unset (the image runs as root)
 * @param exposedPorts {@code EXPOSE}d ports as written in the config, e.g. {@code 8080/tcp}, sorted
 * @param healthcheck  {@code HEALTHCHECK}, empty when the image has none
 * @param labels       {@code LABEL}s, sorted by key
 * @param diffIds      {@code rootfs.diff_ids}: the uncompressed digest of each layer, bottom first
 */
public record ImageConfig(
        Optional<String> user,
        List<String> exposedPorts,
        Optional<Healthcheck> healthcheck,
        List<String> entrypoint,
        List<String> cmd,
        List<String> env,
        Optional<String> workingDir,
        Map<String, String> labels,
        String os,
        String architecture,
        List<String> diffIds) {

    public ImageConfig {
        Objects.requireNonNull(user, "user");
        exposedPorts = List.copyOf(exposedPorts);
        Objects.requireNonNull(healthcheck, "healthcheck");
        entrypoint = List.copyOf(entrypoint);
        cmd = List.copyOf(cmd);
        env = List.copyOf(env);
        Objects.requireNonNull(workingDir, "workingDir");
        labels = Map.copyOf(labels);
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(architecture, "architecture");
        diffIds = List.copyOf(diffIds);
    }

    /** The {@code PATH} the Docker engine gives a container when the image sets none. */
    public static final List<String> DEFAULT_SEARCH_PATH =
            List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin");

    /** The directories of the image's {@code PATH}, or {@link #DEFAULT_SEARCH_PATH} when it sets none. */
    public List<String> searchPath() {
        return env.stream()
                .filter(variable -> variable.startsWith("PATH="))
                .reduce((first, last) -> last)
                .map(variable -> List.of(variable.substring("PATH=".length()).split(":")).stream()
                        .filter(directory -> !directory.isEmpty())
                        .toList())
                .orElse(DEFAULT_SEARCH_PATH);
    }

    /** Whether the user is root: unset, {@code root}, {@code 0}, or {@code 0:GID}/{@code root:GROUP}. */
    public boolean runsAsRoot() {
        String name = user.map(u -> u.split(":", 2)[0]).orElse("");
        return name.isEmpty() || name.equals("root") || name.equals("0");
    }

    /**
     * A {@code HEALTHCHECK}.
     *
     * @param test as stored: {@code ["CMD", exe, args…]}, {@code ["CMD-SHELL", command]} or {@code ["NONE"]}
     */
    public record Healthcheck(List<String> test) {
        public Healthcheck {
            test = List.copyOf(test);
        }

        /** {@code HEALTHCHECK NONE}: a health check inherited from the base image is switched off. */
        public boolean isDisabled() {
            return !test.isEmpty() && test.get(0).equals("NONE");
        }
    }
}
