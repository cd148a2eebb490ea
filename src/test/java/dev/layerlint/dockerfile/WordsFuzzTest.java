package dev.layerlint.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Coverage-guided fuzzing of the word expander. The input is ENV-like lines {@code NAME=value}, each value
 * expanded with the variables before it within one {@link ExpansionBudget} (as a Dockerfile's ENVs are); the
 * last line is expanded once more. Property: every expansion returns at most {@link ExpansionBudget#MAX_VALUE}
 * characters or throws {@link ExpansionLimitException}, never another exception or error; the form without
 * a budget never throws. Without {@code JAZZER_FUZZ} the seeds in {@code WordsFuzzTestInputs/expand} run
 * as regression tests.
 */
class WordsFuzzTest {

    @FuzzTest(maxDuration = "1m")
    void expand(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        char escape = text.startsWith("`") ? '`' : '\\';
        Map<String, String> env = new HashMap<>();
        ExpansionBudget budget = new ExpansionBudget();
        String last = "";
        for (String line : text.split("\n", -1)) {
            last = line;
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            try {
                String value = Words.expand(line.substring(eq + 1), name -> Optional.ofNullable(env.get(name)), escape, budget);
                assertTrue(value.length() <= ExpansionBudget.MAX_VALUE, "a value longer than the limit");
                env.put(line.substring(0, eq), value);
            } catch (ExpansionLimitException e) {
                assertTrue(e.getMessage().startsWith("expands to more than ") || e.getMessage().startsWith("nests ")
                        || e.getMessage().startsWith("takes the variables"), e.getMessage());
                return;
            }
        }
        String plain = Words.expand(last, Map.of(), escape);
        assertTrue(plain.length() <= last.length(), "a word without variables never grows");
        if (last.indexOf('$') < 0) {
            assertEquals(plain, Words.expand(last, env, escape));
        }
    }
}
