package dev.layerlint.shell;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A crude extraction of RUN instructions from Dockerfile text, for tests only: it joins
 * backslash-continued lines, drops comment lines inside them, tells exec form from shell form and follows
 * SHELL instructions (reset at FROM). The real Dockerfile parser lives elsewhere.
 */
final class DockerfileRuns {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One RUN: its 1-based line, and either its script (with the shell in force) or its exec-form argv. */
    record Run(int line, String script, List<String> shell, Optional<List<String>> argv) {

        ShellScript read() {
            return argv.map(ShellReader::read).orElseGet(() -> ShellReader.read(script, shell));
        }
    }

    private DockerfileRuns() {
    }

    static List<Run> runs(String dockerfile) {
        List<Run> runs = new ArrayList<>();
        List<String> shell = ShellReader.DEFAULT_SHELL;
        String[] lines = dockerfile.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int first = i;
            StringBuilder instruction = new StringBuilder();
            while (line.endsWith("\\") && i + 1 < lines.length) {
                instruction.append(line, 0, line.length() - 1).append(' ');
                do {
                    line = lines[++i].strip();
                } while ((line.isEmpty() || line.startsWith("#")) && i + 1 < lines.length);
            }
            instruction.append(line);
            String[] keywordAndRest = instruction.toString().split("\\s+", 2);
            String keyword = keywordAndRest[0].toUpperCase(Locale.ROOT);
            String rest = keywordAndRest.length > 1 ? keywordAndRest[1] : "";
            switch (keyword) {
                case "FROM" -> shell = ShellReader.DEFAULT_SHELL;
                case "SHELL" -> shell = jsonArray(rest).orElse(shell);
                case "RUN" -> runs.add(new Run(first + 1, rest, shell, jsonArray(rest)));
                default -> {
                }
            }
        }
        return runs;
    }

    private static Optional<List<String>> jsonArray(String text) {
        if (!text.startsWith("[")) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(text, new TypeReference<List<String>>() {
            }));
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
    }
}
