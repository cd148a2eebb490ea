package dev.layerlint.maven;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.layerlint.report.ReportFormat;
import dev.layerlint.report.UnknownReportFormatException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The CI snippets in {@code docs/ci.md} refer only to what the plugin has: the YAML parses, every
 * {@code -Dlayerlint.…} is a parameter's user property, every format exists, every path under
 * {@code target/layerlint/} is a file the snippet's formats write, and the steps that read reports still run
 * after layerlint failed the build.
 */
class CiDocsTest {

    private static final Path PAGE = Path.of("docs", "ci.md");
    private static final Pattern FENCE = Pattern.compile("(?m)^```(\\w+)\\n(.*?)^```$", Pattern.DOTALL);
    private static final Pattern PROPERTY = Pattern.compile("-D(layerlint\\.[\\w.]+)(?:=([^\\s'\"]+))?");
    private static final Pattern REPORT_PATH = Pattern.compile("target/layerlint/([^\\s'\"\\]),]*)");
    private static final Pattern HASH_FILES = Pattern.compile("hashFiles\\('([^']+)'\\)");
    private static final YAMLMapper YAML = new YAMLMapper();

    /** A fenced code block and the {@code ##} section it stands in. */
    private record Snippet(String section, String language, String text) {
    }

    private static List<Snippet> snippets;
    private static PluginDescriptor descriptor;

    @BeforeAll
    static void read() throws IOException {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        List<Snippet> found = new ArrayList<>();
        Matcher fence = FENCE.matcher(page);
        while (fence.find()) {
            String before = page.substring(0, fence.start());
            int heading = before.lastIndexOf("\n## ");
            String section = heading < 0 ? "" : before.substring(heading + 4, before.indexOf('\n', heading + 1));
            found.add(new Snippet(section, fence.group(1), fence.group(2)));
        }
        snippets = List.copyOf(found);
        descriptor = PluginDescriptor.read();
    }

    @Test
    void thereIsOneSnippetPerCi() {
        assertEquals(List.of("GitHub Actions/yaml", "GitLab CI/yaml", "Jenkins/groovy"),
                snippets.stream().map(s -> s.section() + "/" + s.language()).toList());
    }

    @Test
    void everyPropertyIsAParametersUserProperty() {
        Set<String> known = descriptor.userProperties();
        for (Snippet snippet : snippets) {
            Matcher property = PROPERTY.matcher(snippet.text());
            while (property.find()) {
                assertTrue(known.contains(property.group(1)),
                        snippet.section() + ": -D" + property.group(1) + " is no parameter's user property; known: " + known);
            }
        }
    }

    @Test
    void everyReportPathIsAFileTheSnippetsFormatsWrite() throws UnknownReportFormatException {
        for (Snippet snippet : snippets) {
            Set<String> written = writtenFiles(formats(snippet));
            Matcher path = REPORT_PATH.matcher(snippet.text());
            int paths = 0;
            while (path.find()) {
                paths++;
                String name = path.group(1);
                if (name.isEmpty()) {
                    continue; // the directory itself
                }
                Pattern glob = Pattern.compile(Arrays.stream(name.split("\\*", -1)).map(Pattern::quote)
                        .reduce((a, b) -> a + "[^/]*" + b).orElseThrow());
                assertTrue(written.stream().anyMatch(f -> glob.matcher(f).matches()),
                        snippet.section() + ": target/layerlint/" + name + " is none of the files its formats write: " + written);
            }
            assertTrue(paths > 0, snippet.section() + " reads no report");
        }
    }

    @Test
    void theFormatTableNamesTheFilesTheWritersWrite() throws IOException {
        Map<String, String> table = new TreeMap<>();
        Pattern row = Pattern.compile("(?m)^\\| `(\\w+)` \\| `([^`]+)`");
        Matcher m = row.matcher(Files.readString(PAGE, StandardCharsets.UTF_8));
        while (m.find()) {
            table.put(m.group(1), m.group(2));
        }
        Map<String, String> expected = new TreeMap<>();
        for (ReportFormat format : ReportFormat.values()) {
            expected.put(format.id(), format.fileName("<goal>"));
        }
        assertEquals(expected, table);
    }

    @Test
    void githubUploadsEveryGoalsSarifUnderItsOwnCategoryAfterAFailedBuild() throws Exception {
        JsonNode steps = YAML.readTree(snippet("GitHub Actions").text()).path("jobs").path("build").path("steps");
        List<String> runs = new ArrayList<>();
        steps.forEach(s -> runs.add(s.path("run").asText("")));
        int build = runs.indexOf(runs.stream().filter(r -> r.startsWith("mvn ")).findFirst().orElseThrow());
        assertTrue(formats(snippet("GitHub Actions")).containsAll(List.of(ReportFormat.SARIF, ReportFormat.MARKDOWN)));

        Set<String> categories = new HashSet<>();
        Set<String> uploaded = new TreeSet<>();
        for (int i = build + 1; i < steps.size(); i++) {
            JsonNode step = steps.get(i);
            String condition = step.path("if").asText("");
            assertTrue(condition.startsWith("always()"), "step " + i + " does not run after a failed build: " + step);
            if (step.path("uses").asText().startsWith("github/codeql-action/upload-sarif@")) {
                String file = step.path("with").path("sarif_file").asText();
                Matcher guard = HASH_FILES.matcher(condition);
                assertTrue(guard.find() && guard.group(1).equals(file), "step " + i + " does not skip a missing " + file);
                assertTrue(categories.add(step.path("with").path("category").asText()), "step " + i + " repeats a category");
                uploaded.add(file);
            }
        }
        Set<String> everyGoal = new TreeSet<>();
        analysisGoals().forEach(g -> everyGoal.add("target/layerlint/" + ReportFormat.SARIF.fileName(g)));
        assertEquals(everyGoal, uploaded);
    }

    @Test
    void gitlabKeepsTheReportsAfterAFailedBuildAndGetsOneCodeQualityFile() throws IOException {
        JsonNode pipeline = YAML.readTree(snippet("GitLab CI").text());
        List<String> jobs = new ArrayList<>();
        pipeline.fieldNames().forEachRemaining(jobs::add);
        assertFalse(jobs.isEmpty());
        for (String name : jobs) {
            JsonNode artifacts = pipeline.path(name).path("artifacts");
            assertEquals("always", artifacts.path("when").asText(), name + ": artifacts.when");
            JsonNode codeQuality = artifacts.path("reports").path("codequality");
            assertTrue(codeQuality.isTextual() && !codeQuality.asText().contains("*"),
                    name + ": GitLab accepts one Code Quality file per job, not " + codeQuality);
            assertTrue(artifacts.path("paths").path(0).asText().endsWith("/"), name + ": expose_as links a directory only with a trailing /");
        }
    }

    private static Snippet snippet(String section) {
        return snippets.stream().filter(s -> s.section().equals(section)).findFirst()
                .orElseThrow(() -> new AssertionError(PAGE + " has no snippet under ## " + section));
    }

    /** The formats the snippet's {@code -Dlayerlint.formats} names. */
    private static List<ReportFormat> formats(Snippet snippet) {
        Matcher property = PROPERTY.matcher(snippet.text());
        while (property.find()) {
            if (property.group(1).equals("layerlint.formats")) {
                try {
                    return ReportFormat.parseList(property.group(2));
                } catch (UnknownReportFormatException e) {
                    return fail(snippet.section() + ": " + e.getMessage());
                }
            }
        }
        return fail(snippet.section() + " sets no -Dlayerlint.formats");
    }

    /** The goals that analyse and write reports; {@code report} renders theirs, {@code help} is Maven's. */
    private static Stream<String> analysisGoals() {
        // fix rewrites Dockerfiles when a developer asks for it: it has no place in a CI build
        return descriptor.goals().stream().map(PluginDescriptor.Goal::name)
                .filter(g -> !g.equals("help") && !g.equals("report") && !g.equals("fix"));
    }

    private static Set<String> writtenFiles(List<ReportFormat> formats) {
        Set<String> files = new TreeSet<>();
        analysisGoals().forEach(goal -> formats.forEach(f -> files.add(f.fileName(goal))));
        return files;
    }
}
