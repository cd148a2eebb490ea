package dev.layerlint.dockerfile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.layerlint.rules.Linter;
import dev.layerlint.rules.RuleSettings;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of the parser and the rules behind it: any bytes give a {@link ParseResult}
 * (never an exception) that the linter reads without failing. Without {@code JAZZER_FUZZ} the seed
 * inputs in {@code DockerfileParserFuzzTestInputs/parseAndLint} run as regression tests.
 */
class DockerfileParserFuzzTest {

    private static final Linter LINTER = new Linter(RuleSettings.DEFAULTS);

    @FuzzTest(maxDuration = "1m")
    void parseAndLint(byte[] input) {
        // as parse(Path, …) decodes a file: UTF-8, malformed bytes replaced
        ParseResult result = DockerfileParser.parse("Dockerfile", new String(input, StandardCharsets.UTF_8));
        if (result instanceof ParseResult.Failure failure) {
            assertTrue(failure.error().line() >= 1 && failure.error().endLine() >= failure.error().line(),
                    failure.error().toString());
        }
        LINTER.lint(result);
    }
}
