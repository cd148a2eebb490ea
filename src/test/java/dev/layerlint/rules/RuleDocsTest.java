package dev.layerlint.rules;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code docs/rules/} must equal what the rules' metadata renders. To regenerate after changing a rule:
 * {@code mvn test -Dtest=RuleDocsTest -Dlayerlint.writeDocs=true}.
 */
class RuleDocsTest {

    private static final Path DIR = Path.of("docs", "rules");

    @Test
    void docsMatchRuleMetadata() throws IOException {
        Map<String, String> expected = new TreeMap<>();
        for (Rule rule : RuleCatalog.all()) {
            expected.put(rule.id() + ".md", RuleDocs.page(rule));
        }
        expected.put("README.md", RuleDocs.index());
        if (Boolean.getBoolean("layerlint.writeDocs")) {
            Files.createDirectories(DIR);
            try (Stream<Path> old = Files.list(DIR)) {
                for (Path p : old.toList()) {
                    Files.delete(p);
                }
            }
            for (Map.Entry<String, String> e : expected.entrySet()) {
                Files.writeString(DIR.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
            }
        }
        Map<String, String> actual = new TreeMap<>();
        if (Files.isDirectory(DIR)) {
            try (Stream<Path> files = Files.list(DIR)) {
                for (Path p : files.toList()) {
                    actual.put(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        }
        List<String> drift = new ArrayList<>();
        for (String name : expected.keySet()) {
            if (!expected.get(name).equals(actual.get(name))) {
                drift.add(name);
            }
        }
        actual.keySet().stream().filter(n -> !expected.containsKey(n)).forEach(n -> drift.add(n + " (no such rule)"));
        assertEquals(List.of(), drift,
                "docs/rules drifted from the rules; regenerate: mvn test -Dtest=RuleDocsTest -Dlayerlint.writeDocs=true");
    }
}
