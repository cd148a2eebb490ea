package dev.layerlint.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Builds a Containerfile with {@code COPY . /ctx} on Podman, with the ignore files Podman and
 * Buildah know in different combinations, and compares what reached the image with the scan: the
 * same ignore file applies and the same files are sent. Skips without Podman, unless
 * {@code layerlint.requireEngine} is {@code true}.
 */
class ContainerignoreEngineTest {

    private static final String BASE_IMAGE = System.getProperty("layerlint.baseImage", "layerlint/busybox:test");
    private static final String MARK = "--- files in /ctx ---";

    @TempDir
    Path dir;

    /** Every ignore file leaves out a file named after it, so that the file applied shows in what is sent. */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("only .dockerignore", List.of(".dockerignore"), ".dockerignore"),
                Arguments.of(".containerignore before .dockerignore", List.of(".dockerignore", ".containerignore"),
                        ".containerignore"),
                Arguments.of("the Containerfile's own before the root's",
                        List.of(".dockerignore", ".containerignore", "Containerfile.containerignore"),
                        "Containerfile.containerignore"),
                Arguments.of("its own .dockerignore before its own .containerignore",
                        List.of(".containerignore", "Containerfile.containerignore", "Containerfile.dockerignore"),
                        "Containerfile.dockerignore"));
    }

    @BeforeAll
    static void requirePodman() throws Exception {
        Result base = run("podman", "image", "inspect", "--format", "{{.Id}}", BASE_IMAGE);
        if (base.exitCode() != 0) {
            String problem = "no Podman with the base image " + BASE_IMAGE + " (src/it/docker/start-podman.sh loads it): "
                    + base.output().strip();
            if (Boolean.getBoolean("layerlint.requireEngine")) {
                fail(problem);
            }
            Assumptions.abort(problem);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void podmanReadsTheIgnoreFileTheScanChose(String name, List<String> ignoreFiles, String applied) throws Exception {
        Path containerfile = dir.resolve("Containerfile");
        Files.writeString(containerfile, "FROM " + BASE_IMAGE + "\nCOPY . /ctx\n"
                + "RUN echo '" + MARK + "' && cd /ctx && find . -type f -exec stat -c '%s %n' {} +\n");
        Files.writeString(dir.resolve("app.txt"), "kept\n");
        for (String ignoreFile : ignoreFiles) {
            Files.writeString(dir.resolve(excludedBy(ignoreFile)), ignoreFile + "\n");
            Files.writeString(dir.resolve(ignoreFile), excludedBy(ignoreFile) + "\n");
        }

        ContextScan scan = BuildContext.analyse(containerfile, dir, new ScanOptions(Builder.BUILDKIT, Integer.MAX_VALUE));
        assertEquals(Optional.of(dir.resolve(applied)), scan.ignoreFile());
        Map<String, Long> computed = new TreeMap<>();
        scan.largest().forEach(file -> computed.put(file.path(), file.bytes()));

        Result build = run("podman", "build", "--no-cache", "--network", "none", "-f", containerfile.toString(), dir.toString());
        assertEquals(0, build.exitCode(), build.output());
        Map<String, Long> copied = new TreeMap<>();
        boolean listing = false;
        for (String line : build.output().split("\n")) {
            if (line.equals(MARK)) {
                listing = true;
            } else if (listing && line.matches("\\d+ \\./.*")) {
                int space = line.indexOf(' ');
                copied.put(line.substring(space + 3), Long.parseLong(line.substring(0, space)));
            } else if (listing) {
                listing = !line.startsWith("COMMIT") && !line.startsWith("-->");
            }
        }
        assertEquals(copied, computed);
        String image = build.output().strip().substring(build.output().strip().lastIndexOf('\n') + 1);
        run("podman", "image", "rm", "-f", image);
    }

    /** The file an ignore file leaves out: {@code excluded-by-.containerignore}. */
    private static String excludedBy(String ignoreFile) {
        return "excluded-by-" + ignoreFile;
    }

    record Result(int exitCode, String output) {
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Result(127, e.getMessage());
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new Result(124, output);
        }
        return new Result(process.exitValue(), output);
    }
}
