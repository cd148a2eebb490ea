package dev.layerlint.bench;

import dev.layerlint.dockerfile.DockerfileParser;
import dev.layerlint.dockerfile.ParseResult;
import dev.layerlint.rules.Linter;
import dev.layerlint.rules.RuleSettings;
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

/**
 * Parsing and linting the corpus, reported per Dockerfile: one invocation handles all 536 files, so the
 * figures average over the corpus' real mix of sizes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LintBenchmark {

    /** The corpus size; {@link OperationsPerInvocation} needs a constant, {@link #setUp} checks it. */
    static final int FILES = 536;

    private List<String> dockerfiles;
    private final Linter linter = new Linter(RuleSettings.DEFAULTS);

    @Setup
    public void setUp() {
        dockerfiles = Corpus.dockerfiles();
        if (dockerfiles.size() != FILES) {
            throw new IllegalStateException("the corpus holds " + dockerfiles.size() + " Dockerfiles, not " + FILES
                    + ": update LintBenchmark.FILES");
        }
    }

    @Benchmark
    @OperationsPerInvocation(FILES)
    public void parse(Blackhole sink) {
        for (String content : dockerfiles) {
            sink.consume(DockerfileParser.parse("Dockerfile", content));
        }
    }

    @Benchmark
    @OperationsPerInvocation(FILES)
    public void parseAndLint(Blackhole sink) {
        for (String content : dockerfiles) {
            ParseResult parsed = DockerfileParser.parse("Dockerfile", content);
            sink.consume(linter.lint(parsed));
        }
    }
}
