package dev.layerlint.rules;

import dev.layerlint.dockerfile.DockerfileParser;
import dev.layerlint.report.Finding;
import dev.layerlint.report.Severity;
import dev.layerlint.testing.SharedFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The bad and good Dockerfiles of the layer best-practices guide: every bad one fires the rule of
 * the checklist item it illustrates; every good one gives no warning or error, except the cases
 * named here where the checklist itself says the guide's example falls short.
 *
 * <p>Snippets without FROM get a neutral base ({@code FROM python:3.11.6-slim} or a node image,
 * {@code USER 10001}), and so do snippets that are only a FROM (the tag ladder); the guide's trailing
 * {@code # ← …} remarks are dropped, since Dockerfiles have no trailing comments.
 */
class SeedExamplesTest {

    private static final Pattern HEADING = Pattern.compile("^### (?:\\d+\\. |Example \\d+: )(.+)$");
    private static final Pattern MARKER = Pattern.compile("^# .*?\\b(BAD|GOOD|BETTER|BEST)\\b");

    /** Rules each bad example must fire, by "section / label #n". */
    private static final Map<String, Set<String>> MUST_FIRE = Map.ofEntries(
            Map.entry("Leverage Build Cache / BAD #1", Set.of("DependenciesAfterSource")),
            Map.entry("Multi-Stage Builds / BAD #1", Set.of("BuildToolchainInImage", "FullBaseImage")),
            Map.entry("Combine RUN Commands / BAD #1", Set.of("AptUpdateAlone", "AptListsNotRemoved", "CleanupInLaterLayer", "ConsecutiveRuns")),
            Map.entry("Install Only Production Dependencies / BAD #1", Set.of("PipCacheKept")),
            Map.entry("Install Only Production Dependencies / BAD #2", Set.of("DevDependenciesInImage")),
            Map.entry("Use Specific Base Image Tags / BAD #1", Set.of("BaseImageUnpinned")),
            Map.entry("Use Specific Base Image Tags / BETTER #1", Set.of("BaseImageFloatingTag")),
            Map.entry("Order COPY Commands Strategically / BAD #1", Set.of()),
            Map.entry("FastAPI Application / Before #1", Set.of("DependenciesAfterSource", "FullBaseImage", "PipCacheKept", "RunsAsRoot")),
            Map.entry("Streamlit Dashboard / Before #1", Set.of("DependenciesAfterSource", "FullBaseImage", "PipCacheKept", "RunsAsRoot")),
            Map.entry("Next.js Application / Before #1", Set.of("DependenciesAfterSource", "DevDependenciesInImage", "ConsecutiveRuns",
                    "FullBaseImage", "BaseImageUnpinned", "RunsAsRoot")));

    /** Warnings a good example may give, each because the checklist says the example falls short there. */
    private static final Map<String, Map<String, String>> ALLOWED = Map.of(
            "Leverage Build Cache / GOOD #1", Map.of(
                    "PipCacheKept", "checklist: --no-cache-dir flags used for package managers (the example has none)",
                    "RunsAsRoot", "checklist: Non-root user created for security (the example has no USER)"),
            "Multi-Stage Builds / GOOD #1", Map.of(
                    "RunsAsRoot", "checklist: Non-root user created for security (the runtime stage has no USER)"),
            "Install Only Production Dependencies / GOOD #2", Map.of(
                    "PackageCacheKept", "checklist: --no-cache-dir flags; the guide itself adds `npm cache clean --force` in section 7"),
            "Order COPY Commands Strategically / GOOD #1", Map.of(
                    "PipCacheKept", "checklist: --no-cache-dir flags used for package managers (the example has none)"),
            "FastAPI Application / After #1", Map.of(
                    "ChownAfterCopy", "checklist: cleanup in the same RUN; chown -R after COPY stores /app twice (COPY --chown would not)"),
            "Streamlit Dashboard / After #1", Map.of(
                    "ChownAfterCopy", "checklist: cleanup in the same RUN; chown -R after COPY stores /app twice (COPY --chown would not)"),
            "Next.js Application / After #1", Map.of(
                    "ChownAfterCopy", "checklist: cleanup in the same RUN; chown -R after COPY stores /app twice (COPY --chown would not)",
                    "BaseImageUnpinned", "checklist: Image tagged with version (node:18-alpine names only the major version)"));

    @Test
    void badExamplesFireTheirRuleAndGoodOnesStayQuiet() throws IOException {
        Map<String, String> examples = examples();
        assertEquals(23, examples.size(), "examples found: " + examples.keySet());
        Linter linter = new Linter(RuleSettings.DEFAULTS);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : examples.entrySet()) {
            List<Finding> findings = linter.lint(DockerfileParser.parse(e.getKey(), e.getValue()));
            Set<String> fired = findings.stream().map(Finding::ruleId).collect(Collectors.toCollection(TreeSet::new));
            boolean bad = e.getKey().contains("/ BAD") || e.getKey().contains("/ Before") || e.getKey().contains("/ BETTER");
            if (bad) {
                Set<String> expected = MUST_FIRE.get(e.getKey());
                if (expected == null) {
                    problems.add(e.getKey() + ": no expectation written");
                } else if (!fired.containsAll(expected)) {
                    problems.add(e.getKey() + ": expected " + expected + " but got " + fired);
                }
            } else {
                Map<String, String> allowed = ALLOWED.getOrDefault(e.getKey(), Map.of());
                Set<String> serious = findings.stream().filter(f -> f.severity().atLeast(Severity.WARNING)).map(Finding::ruleId)
                        .collect(Collectors.toCollection(TreeSet::new));
                if (!allowed.keySet().containsAll(serious)) {
                    problems.add(e.getKey() + ": warnings " + serious + " beyond the named exceptions " + allowed.keySet());
                }
                if (!serious.containsAll(allowed.keySet())) {
                    problems.add(e.getKey() + ": named exception no longer fires: " + allowed.keySet() + " vs " + serious);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** The guide's Dockerfile snippets, keyed "section / label #n", in document order. */
    static Map<String, String> examples() throws IOException {
        List<String> lines = Files.readAllLines(SharedFiles.seeds().resolve("layer-best-practices.md"), StandardCharsets.UTF_8);
        Map<String, String> examples = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        String section = "";
        String pendingLabel = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher h = HEADING.matcher(line);
            if (h.matches()) {
                section = h.group(1).strip();
                continue;
            }
            if (line.startsWith("**Before")) {
                pendingLabel = "Before";
            } else if (line.startsWith("**After")) {
                pendingLabel = "After";
            }
            if (!line.startsWith("```dockerfile")) {
                continue;
            }
            String label = pendingLabel.isEmpty() ? "GOOD" : pendingLabel;
            StringBuilder body = new StringBuilder();
            for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
                String l = lines.get(i);
                Matcher m = MARKER.matcher(l);
                if (m.find()) {
                    add(examples, counts, section, label, body);
                    label = m.group(1);
                    body = new StringBuilder();
                    continue;
                }
                body.append(l.startsWith("#") ? l : l.replaceFirst("\\s{2,}#.*$", "")).append('\n');
            }
            add(examples, counts, section, label, body);
            pendingLabel = "";
        }
        return examples;
    }

    private static void add(Map<String, String> examples, Map<String, Integer> counts, String section, String label, StringBuilder body) {
        String text = body.toString();
        if (text.isBlank() || text.lines().allMatch(l -> l.isBlank() || l.startsWith("#"))) {
            return;
        }
        if (text.lines().allMatch(l -> l.isBlank() || l.startsWith("#") || l.startsWith("FROM "))) {
            text = text + "USER 10001\n";
        } else if (text.lines().noneMatch(l -> l.toUpperCase(java.util.Locale.ROOT).startsWith("FROM "))) {
            String base = text.contains("npm") ? "FROM node:20.11.1-alpine3.19\n" : "FROM python:3.11.6-slim\n";
            text = base + "USER 10001\n" + text;
        }
        String key = section + " / " + label;
        int n = counts.merge(key, 1, Integer::sum);
        examples.put(key + " #" + n, text);
    }
}
