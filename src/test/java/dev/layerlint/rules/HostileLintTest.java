package dev.layerlint.rules;

import static dev.layerlint.rules.LintAssertions.hits;
import static dev.layerlint.rules.LintAssertions.lint;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.layerlint.report.Finding;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Dockerfiles whose size or depth once made a rule overflow the stack, run out of memory or take minutes:
 * every rule now does work in proportion to the file. The timeouts only guard against a hang.
 */
class HostileLintTest {

    /** Was a StackOverflowError in UnusedStage, which followed the chain of stages recursively. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void tenThousandChainedStages() {
        StringBuilder text = new StringBuilder("FROM alpine:3.20.3 AS s0\nRUN touch /f\n");
        for (int i = 1; i <= 10_000; i++) {
            text.append("FROM s").append(i - 1).append(" AS s").append(i).append('\n')
                    .append("COPY --from=s").append(i - 1).append(" /f /f").append(i).append('\n');
        }
        text.append("FROM alpine:3.20.3 AS unused\nFROM s10000\n");
        assertEquals(List.of("UnusedStage@20003"), hits("UnusedStage", text.toString()));
    }

    /**
     * Was an OutOfMemoryError after minutes (200,000 pairs): each RUN kept its own copy of every ENV before it,
     * and each RUN and WORKDIR walked the whole file again to find them.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void twentyThousandEnvAndRunPairs() {
        StringBuilder text = new StringBuilder("FROM node:20.11.1 AS base\nENV NODE_ENV=production\n");
        for (int i = 0; i < 20_000; i++) {
            text.append("ENV V").append(i).append("=value").append(i).append("\nRUN echo $V").append(i).append('\n');
        }
        text.append("RUN npm ci\nFROM base\nENV NODE_ENV=development\nRUN npm ci\n");
        assertEquals(List.of("DevDependenciesInImage@40006"), hits("DevDependenciesInImage", text.toString()));
    }

    /** Took a minute (quadratic in the commands): CleanupInLaterLayer looked up every command among all package-manager calls. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void runOfAHundredThousandChainedCommands() {
        // continuation lines, each well under BuildKit's 64 KiB line limit
        StringBuilder run = new StringBuilder("RUN apt-get clean");
        for (int i = 0; i < 100_000; i++) {
            run.append(" \\\n && apt-get autoremove -y && rm -rf /tmp/").append(i);
        }
        String text = "FROM debian:12.5\nUSER nobody\n" + run + "\n";
        assertEquals(List.of("CleanupInLaterLayer@3"), hits("CleanupInLaterLayer", text));
    }

    /** Was an OutOfMemoryError: an ENV chain that doubles its value at each line. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void doublingEnvChainIsRefusedAtTheLimit() {
        StringBuilder text = new StringBuilder("FROM alpine:3.20.3\nENV A0=0123456789abcdef\n");
        for (int i = 1; i <= 40; i++) {
            text.append("ENV A").append(i).append("=$A").append(i - 1).append("$A").append(i - 1).append('\n');
        }
        text.append("WORKDIR /$A40\nRUN echo $A40\n");
        List<Finding> findings = lint(text.toString());
        assertEquals(1, findings.size());
        assertEquals("ParseError", findings.get(0).ruleId());
        assertEquals(19, findings.get(0).line());
        assertEquals("failed to process \"$A16$A16\": expands to more than 1048576 characters, the most layerlint expands "
                + "(see docs/limits.md)", findings.get(0).message());
    }

    /** Each chown -R walked every instruction before it (and each COPY's WORKDIR from the start): quadratic. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void twentyThousandCopiesAndChowns() {
        StringBuilder text = new StringBuilder("FROM alpine:3.20.3\nWORKDIR /srv\n");
        for (int i = 0; i < 20_000; i++) {
            text.append("COPY f").append(i).append(" d").append(i).append("/\nRUN chown -R app /srv/e").append(i).append('\n');
        }
        text.append("RUN chown -R app d7\n");
        assertEquals(List.of("ChownAfterCopy@40003"), hits("ChownAfterCopy", text.toString()));
    }
}
