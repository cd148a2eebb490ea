package dev.layerlint.rules;

import dev.layerlint.dockerfile.DockerfileParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lints every file of a directory again and again in one warm JVM and prints Dockerfiles per second
 * (parse and all default rules; files read once, before timing). Used by {@code bench/compare.sh}.
 *
 * <p>Arguments: DIRECTORY [WARM_UP_ROUNDS [MEASURED_ROUNDS]]. Besides wall time it prints the rate by the
 * thread's CPU time, which other processes on a shared machine disturb far less.
 */
public final class LintThroughput {

    private LintThroughput() {
    }

    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args[0]);
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        List<String> contents;
        try (Stream<Path> files = Files.list(directory)) {
            contents = files.filter(f -> f.getFileName().toString().contains("Dockerfile")).sorted()
                    .map(LintThroughput::read).toList();
        }
        Linter linter = new Linter(RuleSettings.DEFAULTS);
        long findings = 0;
        for (int i = 0; i < warmUp; i++) {
            findings += lintAll(linter, contents);
        }
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < rounds; i++) {
            findings += lintAll(linter, contents);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf("layerlint %d files x %d rounds in %.3f s: %.0f Dockerfiles/s"
                        + " (by CPU time %.3f s: %.0f Dockerfiles/s; findings checksum %d)%n",
                contents.size(), rounds, seconds, contents.size() * rounds / seconds,
                cpuSeconds, contents.size() * rounds / cpuSeconds, findings);
    }

    private static long lintAll(Linter linter, List<String> contents) {
        long findings = 0;
        for (String content : contents) {
            findings += linter.lint(DockerfileParser.parse("Dockerfile", content)).size();
        }
        return findings;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
