package dev.layerlint.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Reads images from the Docker daemon through the {@code docker} CLI, the way Jib does: the CLI
 * inherits the environment, so {@code DOCKER_HOST}, {@code DOCKER_CONTEXT} and the current context
 * apply as they do in a shell. The same commands ({@code version}, {@code image inspect},
 * {@code image save}) read Podman's local storage through the {@code podman} CLI, which inherits
 * {@code CONTAINERS_STORAGE_CONF} and {@code CONTAINER_HOST} the same way.
 *
 * @param executable  the {@code docker} or {@code podman} executable (a name looked up on {@code PATH}, or a path);
 *                    Podman when its file name is {@code podman} or {@code podman-remote}
 * @param environment variables added to the inherited environment
 */
public record DockerCli(String executable, Map<String, String> environment) {

    private static final int STDERR_LIMIT = 8 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOCKER = "docker";
    private static final String PODMAN = "podman";

    public DockerCli {
        Objects.requireNonNull(executable, "executable");
        environment = Map.copyOf(environment);
    }

    /** {@code docker} from {@code PATH}, with the inherited environment. */
    public static DockerCli onPath() {
        return new DockerCli(DOCKER, Map.of());
    }

    /** {@code podman} from {@code PATH}, with the inherited environment. */
    public static DockerCli podmanOnPath() {
        return new DockerCli(PODMAN, Map.of());
    }

    /**
     * The engine for a configured executable: as configured, except that the default {@code docker}
     * becomes {@code podman} when {@code searchPath} (a {@code PATH} value) has no {@code docker} but
     * has {@code podman}.
     */
    public static DockerCli select(String configured, String searchPath) {
        if (configured.equals(DOCKER) && !onSearchPath(DOCKER, searchPath) && onSearchPath(PODMAN, searchPath)) {
            return podmanOnPath();
        }
        return new DockerCli(configured, Map.of());
    }

    private static boolean onSearchPath(String name, String searchPath) {
        for (String directory : searchPath.split(java.io.File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, name))
                    && !Files.isDirectory(Path.of(directory, name))) {
                return true;
            }
        }
        return false;
    }

    /** Whether this CLI is Podman's (its executable's file name is {@code podman} or {@code podman-remote}). */
    public boolean isPodman() {
        Path fileName = Path.of(executable).getFileName();
        String name = fileName == null ? "" : fileName.toString();
        return name.equals(PODMAN) || name.equals("podman-remote");
    }

    /** Where this CLI's images live, for messages: "the Docker daemon" or "Podman's local storage". */
    public String store() {
        return isPodman() ? "Podman's local storage" : "the Docker daemon";
    }

    /** This CLI for Podman: itself when it is Podman's, else {@code podman} from {@code PATH} with the same environment. */
    public DockerCli podman() {
        return isPodman() ? this : new DockerCli(PODMAN, environment);
    }

    /**
     * Asks the daemon for its version, so that an unreachable daemon is told apart from a missing image.
     *
     * @throws ImageReadException when the CLI cannot run or the daemon cannot be reached
     */
    public String serverVersion() throws ImageReadException {
        Process process = start(List.of("version", "--format", "{{.Server.Version}}"));
        byte[] out;
        try (InputStream stdout = process.getInputStream()) {
            out = stdout.readAllBytes();
        } catch (IOException e) {
            throw new ImageReadException(command("version") + " could not be read: " + e.getMessage(), e);
        }
        Finished finished = finish(process);
        String version = new String(out, StandardCharsets.UTF_8).strip();
        if (finished.exitCode() != 0 || version.isEmpty()) {
            String exited = command("version") + " exited with " + finished.exitCode()
                    + (finished.stderr().isEmpty() ? "" : ": " + finished.stderr());
            throw new ImageReadException(isPodman()
                    ? "cannot reach Podman's local storage (" + exited + "); check `podman info`, and CONTAINER_HOST for a remote Podman"
                    : "cannot reach the Docker daemon (" + exited + "); start Docker or check DOCKER_HOST and the docker context");
        }
        return version;
    }

    /** What {@code docker image inspect} reports about an image the reader needs beside the archive. */
    record Inspection(String id, List<String> repoTags) {
        Inspection {
            repoTags = List.copyOf(repoTags);
        }
    }

    Inspection inspect(String reference) throws ImageReadException {
        Process process = start(List.of("image", "inspect", "--", reference));
        byte[] out;
        try (InputStream stdout = process.getInputStream()) {
            out = stdout.readAllBytes();
        } catch (IOException e) {
            throw new ImageReadException(command("image inspect " + reference) + " could not be read: " + e.getMessage(), e);
        }
        Finished finished = finish(process);
        if (finished.exitCode() != 0) {
            throw failure("image inspect " + reference, reference, finished);
        }
        try {
            JsonNode image = JSON.readTree(out).path(0);
            if (!image.path("Id").isTextual()) {
                throw new ImageReadException(command("image inspect " + reference) + " printed no image: "
                        + new String(out, StandardCharsets.UTF_8).strip());
            }
            List<String> tags = new ArrayList<>();
            image.path("RepoTags").forEach(tag -> tags.add(tag.asText()));
            // Podman prints the config digest without the algorithm that Docker's ids and the archives carry
            String id = image.path("Id").asText();
            return new Inspection(id.contains(":") ? id : "sha256:" + id, tags);
        } catch (IOException e) {
            throw new ImageReadException(command("image inspect " + reference) + " printed no JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Streams {@code docker save reference} ({@code podman save}: its default docker-archive form) into
     * {@code reader}; the archive never touches the disk.
     */
    <T> T save(String reference, ArchiveReader<T> reader) throws ImageReadException {
        // podman: its default form said out loud, and no progress lines on stderr (kept for error messages)
        Process process = start(isPodman() ? List.of("image", "save", "--quiet", "--format", "docker-archive", "--", reference)
                : List.of("image", "save", "--", reference));
        String description = command("image save " + reference);
        try (InputStream stdout = process.getInputStream()) {
            T result;
            try {
                result = reader.read(stdout, description);
                stdout.transferTo(OutputStream.nullOutputStream()); // padding after the tar's end: no broken pipe for docker
            } catch (ImageReadException e) {
                throw blame(process, reference, e);
            }
            Finished finished = finish(process);
            if (finished.exitCode() != 0) {
                throw failure("image save " + reference, reference, finished);
            }
            return result;
        } catch (IOException e) {
            throw new ImageReadException(description + " could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * A stream that broke off is docker's failure when docker exits with an error on its own
     * (its stdout still open, so no broken pipe of ours caused it); otherwise the archive's.
     */
    private ImageReadException blame(Process process, String reference, ImageReadException readError)
            throws ImageReadException {
        if (exitsWithin(process, 5)) {
            Finished finished = finish(process);
            if (finished.exitCode() != 0) {
                return failure("image save " + reference, reference, finished);
            }
        }
        process.destroyForcibly();
        return readError;
    }

    /** Consumes an archive stream. */
    @FunctionalInterface
    interface ArchiveReader<T> {
        T read(InputStream archive, String description) throws ImageReadException;
    }

    private record Finished(int exitCode, String stderr) {
    }

    private Process start(List<String> arguments) throws ImageReadException {
        List<String> commandLine = new ArrayList<>();
        commandLine.add(executable);
        commandLine.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(commandLine);
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            return process;
        } catch (IOException e) {
            throw new ImageReadException("cannot run the " + (isPodman() ? "podman" : "docker") + " CLI '" + executable + "' ("
                    + e.getMessage() + "); install " + (isPodman() ? "Podman" : "Docker") + " or set the docker executable to its path", e);
        }
    }

    private boolean exitsWithin(Process process, int seconds) throws ImageReadException {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ImageReadException(executable + " was interrupted", e);
        }
    }

    private Finished finish(Process process) throws ImageReadException {
        try (InputStream stderr = process.getErrorStream()) {
            String message = new String(readLimited(stderr), StandardCharsets.UTF_8).strip();
            return new Finished(process.waitFor(), message);
        } catch (IOException e) {
            throw new ImageReadException(executable + ": its error output could not be read: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ImageReadException(executable + " was interrupted", e);
        }
    }

    private static byte[] readLimited(InputStream in) throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            kept.write(buffer, 0, Math.min(n, Math.max(0, STDERR_LIMIT - kept.size())));
        }
        return kept.toByteArray();
    }

    private ImageReadException failure(String subcommand, String reference, Finished finished) {
        String stderr = finished.stderr();
        if (stderr.contains("No such image") || stderr.contains("No such object") || stderr.contains("image not known")) {
            return new ImageNotFoundException("image '" + reference + "' not found in " + store() + " (" + command(subcommand)
                    + ": " + stderr + "); build it before layerlint:inspect runs, or name an archive");
        }
        return new ImageReadException(command(subcommand) + " failed with exit code " + finished.exitCode()
                + (stderr.isEmpty() ? "" : ": " + stderr));
    }

    private String command(String subcommand) {
        return "'" + executable + " " + subcommand + "'";
    }
}
