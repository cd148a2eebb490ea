package dev.layerlint.context;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Times {@link BuildContext#analyse} on a generated node_modules-like context; run by
 * {@code bench/context-walk.sh}. Not a test: speed is shown here, never asserted.
 *
 * <p>Arguments: context directory (created when missing), number of files, measured runs.
 */
public final class ContextWalkBenchmark {

    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final int FILES_PER_PACKAGE = 100;
    private static final String[] PACKAGE_DIRECTORIES = {"lib", "lib/internal", "dist", "dist/esm", "src", "test"};

    /** One ignore file and what it makes BuildKit do. */
    private record Scenario(String name, String ignoreFile) {
    }

    private static final List<Scenario> SCENARIOS = List.of(
            new Scenario("pruned", "node_modules\n.git\n*.log\n"),
            new Scenario("unpruned", "node_modules\n.git\n*.log\n!**/package.json\n"),
            new Scenario("no-patterns", ""));

    private ContextWalkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path context = Path.of(args.length > 0 ? args[0] : "/tmp/layerlint-context-bench");
        int files = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        if (!Files.exists(context.resolve("package.json"))) {
            long start = System.nanoTime();
            generate(context, files);
            System.out.printf(Locale.ROOT, "generated %d files in %s in %.1f s%n", files, context,
                    (System.nanoTime() - start) / 1e9);
        }
        for (Scenario scenario : SCENARIOS) {
            Files.writeString(dockerfile(context, scenario), "FROM node:20-slim\nCOPY . /app\n");
            Files.writeString(context.resolve(scenario.name() + ".Dockerfile.dockerignore"), scenario.ignoreFile());
        }
        for (Scenario scenario : SCENARIOS) {
            Path dockerfile = dockerfile(context, scenario);
            ContextScan scan = BuildContext.analyse(dockerfile, context, ScanOptions.DEFAULTS);
            analyse(dockerfile, context);
            List<Double> seconds = new ArrayList<>();
            long cpuStart = PROCESS.getProcessCpuTime();
            for (int i = 0; i < runs; i++) {
                seconds.add(analyse(dockerfile, context));
            }
            double cpuPerRun = (PROCESS.getProcessCpuTime() - cpuStart) / 1e9 / runs;
            seconds.sort(null);
            System.out.printf(Locale.ROOT,
                    "%-12s sent %7d files %11d bytes, excluded %7d files %11d bytes: "
                            + "wall best %.3f s, median %.3f s, worst %.3f s; CPU %.3f s per run; load average %.1f%n",
                    scenario.name(), scan.files(), scan.bytes(), scan.excludedFiles(), scan.excludedBytes(),
                    seconds.get(0), seconds.get(seconds.size() / 2), seconds.get(seconds.size() - 1), cpuPerRun,
                    PROCESS.getSystemLoadAverage());
        }
    }

    /** Each scenario has its own Dockerfile, so BuildKit picks its own {@code <name>.Dockerfile.dockerignore}. */
    private static Path dockerfile(Path context, Scenario scenario) {
        return context.resolve(scenario.name() + ".Dockerfile");
    }

    private static double analyse(Path dockerfile, Path context) throws IOException, IgnoreFileException {
        long start = System.nanoTime();
        BuildContext.analyse(dockerfile, context, ScanOptions.DEFAULTS);
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Packages of {@value #FILES_PER_PACKAGE} files spread over a few directories each, some nested
     * under another package's node_modules, plus a small application beside them.
     */
    private static void generate(Path context, int files) throws IOException {
        Files.createDirectories(context);
        int written = 0;
        for (int i = 0; i < 50 && written < files; i++, written++) {
            write(context.resolve("src/module" + (i % 5) + "/file" + i + ".js"), 200 + i);
        }
        write(context.resolve("package.json"), 700);
        written++;
        for (int pkg = 0; written < files; pkg++) {
            String name = "pkg" + pkg;
            Path root = pkg % 10 == 9
                    ? context.resolve("node_modules/pkg" + (pkg - 1) + "/node_modules/" + name)
                    : context.resolve("node_modules/" + name);
            write(root.resolve("package.json"), 500);
            written++;
            for (int f = 1; f < FILES_PER_PACKAGE && written < files; f++, written++) {
                String directory = PACKAGE_DIRECTORIES[f % PACKAGE_DIRECTORIES.length];
                write(root.resolve(directory + "/f" + f + ".js"), 100 + (f * 37 + pkg) % 4000);
            }
        }
    }

    private static void write(Path file, int bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[bytes]);
    }
}
