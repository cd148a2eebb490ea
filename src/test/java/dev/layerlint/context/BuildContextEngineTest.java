package dev.layerlint.context;

import dev.layerlint.image.Engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Builds small contexts with {@code COPY . /ctx} on a real Docker engine and compares the regular
 * files (with their sizes) and symbolic links that reach the image with what {@link BuildContext}
 * computed, for each builder.
 *
 * <p>BuildKit builds use {@code DOCKER_BUILDKIT=1} with the client in system property
 * {@code layerlint.docker.buildkit} (default {@code /usr/bin/docker}); classic builds use
 * {@code DOCKER_BUILDKIT=0} with {@code layerlint.docker.classic} (default {@code docker}). Without
 * a reachable engine the tests are skipped, unless {@code layerlint.requireEngine} is {@code true}.
 */
class BuildContextEngineTest {

    private static final String BASE_IMAGE = System.getProperty("layerlint.baseImage", "layerlint/busybox:test");
    private static final String BUILDKIT_CLIENT = System.getProperty("layerlint.docker.buildkit",
            Files.isExecutable(Path.of("/usr/bin/docker")) ? "/usr/bin/docker" : "docker");
    private static final String CLASSIC_CLIENT = System.getProperty("layerlint.docker.classic", "docker");
    private static final Set<Builder> BOTH = EnumSet.allOf(Builder.class);
    /**
     * Cases checked with the classic builder only. The BuildKit client of Docker 20.10 (the engine on
     * the project's machines) sends files with a 2021 fsutil whose matching current BuildKit replaced
     * in 2022: every pattern was a regexp (so {@code a^b} matched nothing), parent directories were
     * re-matched for every path instead of handing down per-directory results, and a directory was
     * not entered for an exception with a wildcard. layerlint follows current BuildKit; the current
     * classic client (28.x) shares that matching, so these cases are verified through it.
     */
    private static final Set<Builder> MATCHING_CHANGED_SINCE_DOCKER_20 = EnumSet.of(Builder.CLASSIC);

    @TempDir
    Path dir;

    /**
     * @param files      path to content; a content starting with {@code ->} makes a symbolic link
     * @param dockerfile the Dockerfile's path in the context
     */
    record Case(String name, Map<String, String> files, String dockerfile, Set<Builder> builders) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Map<String, String> files(String... pathsAndContents) {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            files.put(pathsAndContents[i], pathsAndContents[i + 1]);
        }
        return files;
    }

    static Stream<Arguments> cases() {
        List<Case> cases = List.of(
                new Case("exceptions-and-globs", files(
                        ".dockerignore", "# build output\ntarget\n*.log\n!keep.log\n",
                        "src/Main.java", "class Main {}\n",
                        "src/deep/x.log", "nested logs are not matched by *.log\n",
                        "app.log", "log\n",
                        "keep.log", "keep\n",
                        "target/app.jar", "jar\n",
                        "target/classes/A.class", "class\n"), "Dockerfile", BOTH),
                new Case("re-include-inside-excluded-directory", files(
                        ".dockerignore", "docs\n!docs/api/**\ndocs/api/internal\n",
                        "docs/guide/index.html", "guide\n",
                        "docs/api/index.html", "api\n",
                        "docs/api/v1/spec.yaml", "spec\n",
                        "docs/api/internal/x.html", "internal\n",
                        "README.md", "readme\n"), "Dockerfile", BOTH),
                new Case("double-star-everywhere", files(
                        ".dockerignore", "**/*.tmp\n**/build\na**b\nlib/**/cache\n",
                        "x.tmp", "1", "d/e/y.tmp", "22", "d/e/y.tmpx", "333",
                        "build/out", "4444", "m/build/out", "55555", "m/rebuild/out", "666666",
                        "ab", "7", "axb", "88", "ax/b", "999",
                        "lib/cache/c", "c", "lib/a/b/cache/c", "cc", "lib/a/cachex", "ccc"), "Dockerfile", BOTH),
                new Case("build-files-excluded", files(
                        ".dockerignore", "Dockerfile\n.dockerignore\n*.md\n",
                        "README.md", "readme\n",
                        "app.sh", "echo\n"), "Dockerfile", BOTH),
                new Case("everything-but-src", files(
                        ".dockerignore", "**\n!src/**\nsrc/**/*.test.js\n!Dockerfile\n",
                        "src/index.js", "index\n",
                        "src/util/a.js", "a\n",
                        "src/util/a.test.js", "test\n",
                        "package.json", "{}\n",
                        ".git/config", "[core]\n"), "Dockerfile", BOTH),
                new Case("literal-exception-in-node-modules", files(
                        ".dockerignore", "node_modules\n!node_modules/keep/**\n",
                        "node_modules/keep/a.js", "a\n",
                        "node_modules/keep/deep/b.js", "bb\n",
                        "node_modules/drop/c.js", "ccc\n",
                        "index.js", "i\n"), "Dockerfile", BOTH),
                new Case("wildcard-exception-in-node-modules", files(
                        ".dockerignore", "node_modules\n!**/keep.txt\n",
                        "node_modules/x/keep.txt", "k\n",
                        "node_modules/x/drop.txt", "d\n",
                        "src/keep.txt", "s\n"), "Dockerfile", MATCHING_CHANGED_SINCE_DOCKER_20),
                new Case("later-exception-of-parent", files(
                        ".dockerignore", "a/x\n!a\n",
                        "a/x", "x\n",
                        "a/y", "y\n"), "Dockerfile", MATCHING_CHANGED_SINCE_DOCKER_20),
                new Case("character-classes-and-escapes", files(
                        ".dockerignore", "[*]\n[[:alpha:]]x\n?.txt\n\\*star\n[!q]q\n",
                        "]", "1", "*", "22",
                        "ax", "333", "1x", "4444",
                        "a.txt", "6", "ab.txt", "77",
                        "*star", "888", "xstar", "9999",
                        "!q", "1", "zq", "22"), "Dockerfile", BOTH),
                new Case("caret-in-a-literal-pattern", files(
                        ".dockerignore", "a^b\nc^d*\n",
                        "a^b", "1", "c^de", "22"), "Dockerfile", MATCHING_CHANGED_SINCE_DOCKER_20),
                new Case("cleaned-and-trimmed-patterns", files(
                        ".dockerignore", "./tmp/\n/abs\nx/../y\n   spaced   \n #notcomment\n#comment\ncomment\n",
                        "tmp/a", "a", "abs/b", "bb", "y", "yyy", "x/y", "kept",
                        "spaced", "sss", "#notcomment", "n", "#comment", "c", "comment", "cc"), "Dockerfile", BOTH),
                new Case("dockerfile-specific-ignore-file", files(
                        "app.Dockerfile.dockerignore", "secret.txt\n.dockerignore\n",
                        ".dockerignore", "other.txt\n",
                        "secret.txt", "secret\n",
                        "other.txt", "other\n"), "app.Dockerfile", BOTH),
                new Case("classic-removes-dockerfile-matched-by-parent", files(
                        ".dockerignore", "sub\n!sub/Dockerfile\nsub\n",
                        "sub/other", "o\n"), "sub/Dockerfile", MATCHING_CHANGED_SINCE_DOCKER_20),
                new Case("classic-client-keeps-dockerfile-directory-open", files(
                        ".dockerignore", "sub\n!**/keep.txt\n",
                        "sub/keep.txt", "k\n",
                        "sub/other", "o\n"), "sub/Dockerfile", MATCHING_CHANGED_SINCE_DOCKER_20),
                new Case("symbolic-links", files(
                        ".dockerignore", "ignored\n",
                        "lib/real.txt", "real\n",
                        "lib/same", "->real.txt",
                        "lib/up", "->../../escape",
                        "abs", "->/etc/passwd",
                        "ignored", "->lib"), "Dockerfile", BOTH));
        return cases.stream().flatMap(c -> c.builders().stream().map(b -> Arguments.of(c, b)));
    }

    @BeforeAll
    static void requireEngine() throws Exception {
        Engine.require();
        boolean required = Boolean.getBoolean("layerlint.requireEngine");
        for (String client : new TreeSet<>(List.of(BUILDKIT_CLIENT, CLASSIC_CLIENT))) {
            Result version = run(Map.of(), client, "version", "--format", "{{.Server.Version}}");
            if (version.exitCode() != 0) {
                String problem = "the Docker client " + client + " does not reach the engine: " + version.output().strip();
                if (required) {
                    fail(problem);
                }
                Assumptions.abort(problem);
            }
        }
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("cases")
    void theEngineCopiesExactlyWhatTheScanComputed(Case testCase, Builder builder) throws Exception {
        Path dockerfile = dir.resolve(testCase.dockerfile());
        Files.createDirectories(dockerfile.getParent());
        Files.writeString(dockerfile, "FROM " + BASE_IMAGE + "\nCOPY . /ctx\n");
        for (Map.Entry<String, String> entry : testCase.files().entrySet()) {
            Path path = dir.resolve(entry.getKey());
            Files.createDirectories(path.getParent());
            if (entry.getValue().startsWith("->")) {
                Files.createSymbolicLink(path, Path.of(entry.getValue().substring(2)));
            } else {
                Files.writeString(path, entry.getValue());
            }
        }

        ContextScan scan = BuildContext.analyse(dockerfile, dir, new ScanOptions(builder, Integer.MAX_VALUE));
        Map<String, Long> computed = new TreeMap<>();
        scan.largest().forEach(file -> computed.put(file.path(), file.bytes()));
        List<String> computedLinks = scan.symlinks().stream().map(ContextLink::path).toList();

        String image = "layerlint-context-test:" + testCase.name() + "-" + builder.name().toLowerCase();
        build(builder, image, dockerfile, dir);
        try {
            Result listing = run(Map.of(), CLASSIC_CLIENT, "run", "--rm", "--network", "none", image, "sh", "-c",
                    "cd /ctx && find . -type f -exec stat -c '%s %n' {} +"
                            + " && find . -type l -exec stat -c 'link %n' {} +");
            assertEquals(0, listing.exitCode(), listing.output());
            Map<String, Long> copied = new TreeMap<>();
            List<String> copiedLinks = new ArrayList<>();
            for (String line : listing.output().split("\n")) {
                if (line.startsWith("link ")) {
                    copiedLinks.add(line.substring("link ./".length()));
                } else if (!line.isBlank()) {
                    int space = line.indexOf(' ');
                    copied.put(line.substring(space + 3), Long.parseLong(line.substring(0, space)));
                }
            }
            copiedLinks.sort(Comparator.naturalOrder());
            assertEquals(copied, computed);
            assertEquals(copiedLinks, computedLinks);
            assertEquals(copied.size(), scan.files());
            assertEquals(copied.values().stream().mapToLong(Long::longValue).sum(), scan.bytes());
        } finally {
            run(Map.of(), CLASSIC_CLIENT, "rmi", "-f", image);
        }
    }

    private static void build(Builder builder, String image, Path dockerfile, Path context) throws Exception {
        boolean buildkit = builder == Builder.BUILDKIT;
        Result result = run(Map.of("DOCKER_BUILDKIT", buildkit ? "1" : "0"),
                buildkit ? BUILDKIT_CLIENT : CLASSIC_CLIENT,
                "build", "--network", "none", "-q", "-t", image, "-f", dockerfile.toString(), context.toString());
        assertEquals(0, result.exitCode(), result.output());
    }

    record Result(int exitCode, String output) {
    }

    private static Result run(Map<String, String> environment, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return new Result(127, e.getMessage());
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new Result(124, output);
        }
        return new Result(process.exitValue(), output);
    }
}
