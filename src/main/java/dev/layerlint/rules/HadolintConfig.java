package dev.layerlint.rules;

import dev.layerlint.text.InputFiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.layerlint.report.Severity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of a hadolint configuration file ({@code .hadolint.yaml}) that carry over to layerlint:
 * {@code ignored}, {@code override} ({@code error}, {@code warning}, {@code info}, {@code style} →
 * info) and {@code trustedRegistries}. Rule ids are hadolint's; they apply to the layerlint rules
 * that list them as aliases, and ids without a layerlint counterpart are reported as unmatched.
 *
 * @param rules             per-rule settings by layerlint id ({@code off} or a severity)
 * @param trustedRegistries registries from {@code trustedRegistries}
 * @param unmatched         hadolint ids in the file that no layerlint rule covers
 */
public record HadolintConfig(Map<String, String> rules, List<String> trustedRegistries, List<String> unmatched) {

    /** The file is not valid YAML or not shaped like a hadolint configuration. */
    public static final class InvalidException extends Exception {
        public InvalidException(String message) {
            super(message);
        }
    }

    /** Loaded on first use: most builds have no hadolint configuration. */
    private static final class Yaml {
        static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());
    }

    public HadolintConfig {
        rules = Map.copyOf(rules);
        trustedRegistries = List.copyOf(trustedRegistries);
        unmatched = List.copyOf(unmatched);
    }

    /** The largest hadolint configuration read, in bytes. */
    public static final long MAX_FILE_BYTES = 1L << 20;

    /** Reads {@code file}, a regular file of at most {@link #MAX_FILE_BYTES}. */
    public static HadolintConfig read(Path file) throws InvalidException {
        JsonNode root;
        try {
            root = Yaml.MAPPER.readTree(new String(InputFiles.read(file, MAX_FILE_BYTES), StandardCharsets.UTF_8));
        } catch (InputFiles.InputFileException e) {
            throw new InvalidException(file + ": " + e.getMessage());
        } catch (IOException e) {
            throw new InvalidException(file + ": not a readable hadolint configuration: " + firstLine(e.getMessage()));
        }
        Map<String, String> rules = new LinkedHashMap<>();
        List<String> unmatched = new ArrayList<>();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new HadolintConfig(rules, List.of(), unmatched);
        }
        if (!root.isObject()) {
            throw new InvalidException(file + ": a hadolint configuration is a mapping (ignored:, override:, trustedRegistries:)");
        }
        for (String id : strings(file, root.path("ignored"), "ignored")) {
            apply(id, "off", rules, unmatched);
        }
        JsonNode override = root.path("override");
        for (String level : List.of("error", "warning", "info", "style")) {
            for (String id : strings(file, override.path(level), "override." + level)) {
                apply(id, level.equals("style") ? Severity.INFO.id() : level, rules, unmatched);
            }
        }
        return new HadolintConfig(rules, strings(file, root.path("trustedRegistries"), "trustedRegistries"), unmatched);
    }

    private static void apply(String hadolintId, String setting, Map<String, String> rules, List<String> unmatched) {
        RuleCatalog.find(hadolintId).ifPresentOrElse(r -> rules.put(r.id(), setting), () -> unmatched.add(hadolintId));
    }

    private static List<String> strings(Path file, JsonNode node, String key) throws InvalidException {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new InvalidException(file + ": '" + key + "' must be a list");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode n : node) {
            values.add(n.asText().strip());
        }
        return values;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
