package dev.layerlint.maven;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each goal's page {@code docs/goals/<goal>.md} holds the goal's parameter table exactly as the plugin descriptor
 * renders it, between the {@link GoalDocs} markers. To regenerate after changing a parameter:
 * {@code mvn test -Dtest=GoalDocsTest -Dlayerlint.writeDocs=true}.
 */
class GoalDocsTest {

    private static final Path DIR = Path.of("docs", "goals");

    @Test
    void everyGoalPageHasTheDescriptorsParameterTable() throws IOException {
        boolean write = Boolean.getBoolean("layerlint.writeDocs");
        List<String> drift = new ArrayList<>();
        for (PluginDescriptor.Goal goal : PluginDescriptor.read().goals()) {
            if (goal.name().equals("help")) {
                continue; // maven-plugin-plugin's generated help goal: mvn layerlint:help describes itself
            }
            Path page = DIR.resolve(goal.name() + ".md");
            if (!Files.isRegularFile(page)) {
                drift.add(page + " is missing");
                continue;
            }
            String text = Files.readString(page, StandardCharsets.UTF_8);
            Optional<String> expected = GoalDocs.withTable(text, GoalDocs.parameterTable(goal));
            if (expected.isEmpty()) {
                drift.add(page + " has no parameter markers");
            } else if (!expected.get().equals(text)) {
                if (write) {
                    Files.writeString(page, expected.get(), StandardCharsets.UTF_8);
                } else {
                    drift.add(page + " differs from the descriptor");
                }
            }
        }
        assertEquals(List.of(), drift,
                "the goal pages' parameter tables drifted from the plugin; regenerate: mvn test -Dtest=GoalDocsTest -Dlayerlint.writeDocs=true");
    }
}
