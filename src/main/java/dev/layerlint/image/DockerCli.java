package dev.layerlint.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Reads images from the Docker daemon through the {@code docker} CLI, the way Jib does: the CLI
 * inherits the environment, so {@code DOCKER_HOST}, {@code DOCKER_CONTEXT} and the current context
 * apply as they do in a shell.
 *
 * @param executable  the {@code docker} executable (a name looked up on {@code PATH}, or a path)
 * @param environment variables added to the inherited environment
 */
public record DockerCli(String executable, Map<String, String> environment) {

    private static final int STDERR_LIMIT = 8 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    public DockerCli {
        Objects.requireNonNull(executable, "executable");
        environment = Map.copyOf(environment);
    }

    /** {@code docker} from {@code PATH}, with the inherited environment. */
    public static DockerCli onPath() {
        return new DockerCli("docker", Map.of());
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
            throw new ImageReadException("cannot reach the Docker daemon (" + command("version") + " exited with "
                    + finished.exitCode() + (finished.stderr().isEmpty() ? "" : ": " + finished.stderr())
                    + "); start Docker or check DOCKER_HOST and the docker context");
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
            return new Inspection(image.path("Id").asText(), tags);
        } catch (IOException e) {
            throw new ImageReadException(command("image inspect " + reference) + " printed no JSON: " + e.getMessage(), e);
        }
    }

    /** Streams {@code docker save reference} into {@code reader}; the archive never touches the disk. */
    <T> T save(String reference, ArchiveReader<T> reader) throws ImageReadException {
        Process process = start(List.of("image", "save", "--", reference));
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
            throw new ImageReadException("cannot run the docker CLI '" + executable + "' (" + e.getMessage()
                    + "); install Docker or set the docker executable to its path", e);
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
        if (stderr.contains("No such image") || stderr.contains("No such object")) {
            return new ImageNotFoundException("image '" + reference + "' not found in the Docker daemon (" + command(subcommand)
                    + ": " + stderr + "); build it before layerlint:inspect runs, or name an archive");
        }
        return new ImageReadException(command(subcommand) + " failed with exit code " + finished.exitCode()
                + (stderr.isEmpty() ? "" : ": " + stderr));
    }

    private String command(String subcommand) {
        return "'" + executable + " " + subcommand + "'";
    }
}
