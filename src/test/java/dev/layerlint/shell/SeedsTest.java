package dev.layerlint.shell;

import dev.layerlint.testing.SharedFiles;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.layerlint.shell.Views.words;
import static dev.layerlint.shell.Views.connectors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The RUN examples of the seed documents ({@code layerlint.seeds}), read as rules will read them. */
class SeedsTest {

    private static final Pattern DOCKERFILE_BLOCK = Pattern.compile("```dockerfile\\n(.*?)```", Pattern.DOTALL);

    private static List<ShellScript> seedRuns(String document) throws IOException {
        Path seeds = SharedFiles.seeds();
        Matcher block = DOCKERFILE_BLOCK.matcher(Files.readString(seeds.resolve(document), StandardCharsets.UTF_8));
        List<ShellScript> scripts = new ArrayList<>();
        while (block.find()) {
            DockerfileRuns.runs(block.group(1)).forEach(run -> scripts.add(run.read()));
        }
        return scripts;
    }

    /** {@code [calls] | [removed paths]}, calls as {@code MANAGER subcommand [options] [operands]}. */
    private static String summary(ShellScript script) {
        assertEquals(Optional.empty(), script.problem());
        List<String> calls = script.packageManagerCalls().stream()
                .map(call -> call.manager() + " " + call.subcommand() + " "
                        + call.options().stream().map(o -> o.name() + o.value().map(v -> "=" + v).orElse("")).toList()
                        + " " + call.operands())
                .toList();
        return calls + " | " + script.removedPaths();
    }

    @Test
    void bestPracticesExamples() throws IOException {
        assertEquals(List.of(
                        "[PIP install [-r=requirements.txt] []] | []",
                        "[PIP install [-r=requirements.txt] []] | []",
                        "[APT_GET update [] [], APT_GET install [-y] [gcc, build-essential]] | []",
                        "[PIP install [-r=requirements.txt] []] | []",
                        "[APT_GET update [] [], APT_GET install [-y] [gcc, build-essential]] | []",
                        "[PIP install [--user, -r=requirements.txt] []] | []",
                        "[APT_GET update [] []] | []",
                        "[APT_GET install [-y] [curl, wget]] | []",
                        "[] | [/var/lib/apt/lists/*]",
                        "[APT_GET update [] [], APT_GET install [-y] [curl, wget]] | [/var/lib/apt/lists/*]",
                        "[PIP install [-r=requirements.txt] []] | []",
                        "[PIP install [--no-cache-dir, -r=requirements.txt] []] | []",
                        "[POETRY install [--only=main, --no-dev] []] | []",
                        "[NPM install [] []] | []",
                        "[NPM ci [--only=production] []] | []",
                        "[PIP install [--no-cache-dir, -r=requirements.txt] []] | []",
                        "[NPM ci [--only=production] [], NPM cache clean [--force] []] | []",
                        "[APT_GET update [] [], APT_GET install [-y] [curl]] | [/var/lib/apt/lists/*]",
                        "[PIP install [-r=requirements.txt] []] | []",
                        "[PIP install [-r=requirements.txt] []] | []",
                        "[PIP install [--user, --no-cache-dir, -r=requirements.txt] []] | []",
                        "[] | []",
                        "[PIP install [] [streamlit, pandas, plotly]] | []",
                        "[PIP install [--user, --no-cache-dir, -r=requirements.txt] []] | []",
                        "[] | []",
                        "[NPM install [] []] | []",
                        "[NPM run [] [build]] | []",
                        "[NPM ci [--only=production] []] | []",
                        "[NPM ci [] []] | []",
                        "[NPM run [] [build]] | []",
                        "[] | []"),
                seedRuns("layer-best-practices.md").stream().map(SeedsTest::summary).toList());
    }

    @Test
    void optimizationReadmeExamples() throws IOException {
        assertEquals(List.of(
                        "[PIP install [--no-cache-dir, -r=runtime_requirements.txt] []] | []",
                        "[PIP cache purge [] []] | []",
                        "[] | [/tmp/*, /var/tmp/*]",
                        "[PIP install [--no-cache-dir, -r=runtime_requirements.txt] [], PIP cache purge [] []] | "
                                + "[/tmp/*, /var/tmp/*, /usr/local/lib/python*/site-packages/**/*.pyc, "
                                + "/usr/local/lib/python*/site-packages/**/__pycache__]"),
                seedRuns("layer-optimization-readme.md").stream().map(SeedsTest::summary).toList());
    }

    @Test
    void combinedAptRunCleansUpWhereTheSplitOneDoesNot() throws IOException {
        List<ShellScript> runs = seedRuns("layer-best-practices.md");
        ShellScript updateAlone = runs.get(6);
        ShellScript combined = runs.get(9);
        assertEquals(List.of("update"),
                updateAlone.packageManagerCalls().stream().map(PackageManagerCall::subcommand).toList());
        assertFalse(updateAlone.removes("/var/lib/apt/lists"));
        assertTrue(combined.removes("/var/lib/apt/lists"));
        assertEquals(List.of(Connector.NONE, Connector.AND, Connector.AND),
                connectors(combined));
    }

    @Test
    void trailingCommentOfASeedRunIsNoArgument() throws IOException {
        ShellScript run = seedRuns("layer-best-practices.md").get(0);
        assertEquals(List.of(List.of("pip", "install", "-r", "requirements.txt")),
                words(run));
    }
}
