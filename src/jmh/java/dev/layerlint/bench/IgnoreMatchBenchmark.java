package dev.layerlint.bench;

import dev.layerlint.context.IgnoreFile;
import dev.layerlint.context.IgnoreFileException;
import dev.layerlint.context.PatternMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/** A Java service's {@code .dockerignore} (wildcards, {@code **}, exceptions) matched against 10,000 paths. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class IgnoreMatchBenchmark {

    static final int PATHS = 10_000;
    private static final String IGNORE_FILE = String.join("\n",
            "*", "!target/*.jar", "!src/main/resources/**", "**/*.log", "**/.DS_Store", ".git", ".idea", "*.iml",
            "node_modules", "**/__pycache__", "!src/main/resources/**/*.tmp.keep");
    private static final String[] DIRECTORIES = {"src/main/java/com/example/orders", "src/main/resources/static/css",
        "src/test/java/com/example/orders", "target/classes/com/example", "target", ".git/objects/ab",
        "node_modules/left-pad/lib", "docs/adr"};
    private static final String[] NAMES = {"Order.java", "app.css", "OrderTest.java", "Order.class",
        "orders-1.0.jar", "3f1c2e", "index.js", "build.log", "notes.md", "cache.tmp.keep"};

    private PatternMatcher matcher;
    private final List<String> paths = new ArrayList<>();

    @Setup
    public void setUp() throws IgnoreFileException {
        matcher = PatternMatcher.of(IgnoreFile.parse(".dockerignore", IGNORE_FILE));
        for (int i = 0; paths.size() < PATHS; i++) {
            paths.add(DIRECTORIES[i % DIRECTORIES.length] + "/d" + (i % 97) + "/" + NAMES[i % NAMES.length]);
        }
    }

    @Benchmark
    @OperationsPerInvocation(PATHS)
    public void matchesOrParentMatches(Blackhole sink) {
        for (String path : paths) {
            sink.consume(matcher.matchesOrParentMatches(path));
        }
    }
}
