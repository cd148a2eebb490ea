package dev.layerlint.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The Docker engine for {@code *EngineTest}s: they skip with the reason when none is reachable,
 * and fail instead when {@code -Dlayerlint.requireEngine=true} (CI).
 */
public final class Engine {

    public static final String BASE_IMAGE = System.getProperty("layerlint.baseImage", "layerlint/busybox:test");
    private static final String PROBLEM = problem();

    private Engine() {
    }

    /** Whether an engine and the base image are there. */
    static boolean available() {
        return PROBLEM.isEmpty();
    }

    /** Skips (or, when the engine is required, fails) the calling test unless an engine and the base image are there. */
    public static void require() {
        String problem = PROBLEM;
        if (problem.isEmpty()) {
            return;
        }
        if (Boolean.getBoolean("layerlint.requireEngine")) {
            fail("layerlint.requireEngine is true but " + problem);
        }
        Assumptions.abort(problem);
    }

    /**
     * Empty when an engine and the base image are there; the base image is made when only it is missing. Otherwise
     * what is missing and the command that provides it.
     */
    private static String problem() {
        String startEngine = "start one with: bash src/it/docker/start-engine.sh";
        try {
            Result version = run(null, "docker", "version", "--format", "{{.Server.Version}}");
            if (version.exitCode() != 0) {
                return "no Docker engine is reachable ('docker version': " + firstLine(version.output()) + "); " + startEngine;
            }
            if (run(null, "docker", "image", "inspect", "--format", "{{.Id}}", BASE_IMAGE).exitCode() != 0) {
                Result made = run(null, "bash", "src/it/docker/base-image.sh");
                if (made.exitCode() != 0) {
                    return "the Docker engine is up but has no base image " + BASE_IMAGE + ", and it could not be made ("
                            + firstLine(made.output()) + "); make it with: bash src/it/docker/start-engine.sh";
                }
            }
            return "";
        } catch (IOException e) {
            return "the docker CLI cannot be run (" + e.getMessage() + "); install and " + startEngine;
        }
    }

    private static String firstLine(String output) {
        return output.strip().lines().findFirst().orElse("no output");
    }

    record Result(int exitCode, String output) {
    }

    /** Runs a command (in {@code directory}, or here when null), stdout and stderr together. */
    static Result run(Path directory, String... command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return new Result(process.exitValue(), output);
    }

    /** Runs a command that must succeed; returns its output. */
    public static String check(Path directory, String... command) throws IOException {
        Result result = run(directory, command);
        assertEquals(0, result.exitCode(), () -> String.join(" ", command) + ":\n" + result.output());
        return result.output();
    }

    /** Builds the context with the classic builder ({@code DOCKER_BUILDKIT=0}), offline, tagged {@code tag}. */
    static void buildClassic(Path context, String tag) throws IOException {
        check(context, "env", "DOCKER_BUILDKIT=0", "docker", "build", "--network", "none", "-q", "-t", tag, ".");
    }

    /**
     * Builds the context with BuildKit, offline, tagged {@code tag}: Debian's client has the BuildKit builder built in,
     * a newer one in /usr/local/bin may want buildx.
     */
    static void buildWithBuildKit(Path context, String tag) throws IOException {
        String cli = Files.isExecutable(Path.of("/usr/bin/docker")) ? "/usr/bin/docker" : "docker";
        check(context, "env", "DOCKER_BUILDKIT=1", cli, "build", "--network", "none", "-q", "-t", tag, ".");
    }

    /** The lines of a command's output, without empty ones. */
    static List<String> lines(String output) {
        List<String> lines = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        return lines;
    }

    /** Podman, for the tests that build with it too: what is missing, or empty. */
    private static final String PODMAN_PROBLEM = podmanProblem();

    /** Whether podman and the base image in its storage are there. */
    static boolean podmanAvailable() {
        return PODMAN_PROBLEM.isEmpty();
    }

    /** Skips (or, when the engine is required, fails) the calling test unless podman and the base image are there. */
    static void requirePodman() {
        if (PODMAN_PROBLEM.isEmpty()) {
            return;
        }
        if (Boolean.getBoolean("layerlint.requireEngine")) {
            fail("layerlint.requireEngine is true but " + PODMAN_PROBLEM);
        }
        Assumptions.abort("no Podman: " + PODMAN_PROBLEM);
    }

    private static String podmanProblem() {
        try {
            Result base = run(null, "podman", "image", "inspect", "--format", "{{.Id}}", BASE_IMAGE);
            return base.exitCode() == 0 ? ""
                    : "base image " + BASE_IMAGE + " is missing from Podman's storage (src/it/docker/start-podman.sh loads it): "
                            + base.output().strip();
        } catch (IOException e) {
            return "the podman CLI cannot be run: " + e.getMessage();
        }
    }
}
