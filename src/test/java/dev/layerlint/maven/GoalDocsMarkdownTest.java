package dev.layerlint.maven;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GoalDocsMarkdownTest {

    @Test
    void codeBecomesCodeSpansWithTheirEntitiesResolved() {
        assertEquals("Per-rule configuration, e.g. `<rules><RunsAsRoot>error</RunsAsRoot></rules>`.",
                GoalDocs.markdown("Per-rule configuration, e.g. <code>&lt;rules&gt;&lt;RunsAsRoot&gt;error&lt;/RunsAsRoot&gt;&lt;/rules&gt;</code>."));
    }

    @Test
    void adjacentCodeSpansAreJoined() {
        assertEquals("`**/node_modules`, `services/*/Dockerfile`",
                GoalDocs.markdown("<code>**</code><code>/node_modules</code>, <code>services/*&#47;Dockerfile</code>"));
    }

    @Test
    void linksBecomeMarkdownLinksAndOnlyTheFirstParagraphIsKept() {
        assertEquals("the [Maven Site Plugin](https://maven.apache.org/site.html) is used instead.",
                GoalDocs.markdown("the <a href=\"https://maven.apache.org/site.html\">Maven Site Plugin</a> is used instead.\n"
                        + "<p>A plugin may use <code>#getOutputName()</code><!-- this link could not be resolved -->.</p>"));
        assertEquals("The locale to use.", GoalDocs.markdown("The locale to use.<br /><strong>See also:</strong> x"));
    }

    @Test
    void pipesAreEscapedAndLinesJoined() {
        assertEquals("a `x\\|y` b \\| c", GoalDocs.markdown("a <code>x|y</code>\n  b | c"));
    }

    @Test
    void markupWithoutAMarkdownFormFails() {
        assertThrows(IllegalArgumentException.class, () -> GoalDocs.markdown("a <em>b</em>"));
        assertThrows(IllegalArgumentException.class, () -> GoalDocs.markdown("a </code> b"));
    }

    @Test
    void tableListsConfigurableParametersWithShortTypesPropertiesAndDefaults() {
        PluginDescriptor.Goal goal = new PluginDescriptor.Goal("lint", Optional.of("validate"), List.of(
                new PluginDescriptor.Parameter("baseDirectory", "java.io.File", false, Optional.empty(), Optional.of("${basedir}"), "Base."),
                new PluginDescriptor.Parameter("failOn", "java.lang.String", true, Optional.of("layerlint.failOn"), Optional.of("warning"),
                        "Severity: <code>error</code>."),
                new PluginDescriptor.Parameter("rules", "java.util.Map<java.lang.String, java.lang.String>", true, Optional.empty(),
                        Optional.empty(), "Per rule.")));
        assertEquals(GoalDocs.BEGIN + "\n"
                        + "| Parameter | Type | User property | Default | Description |\n"
                        + "|---|---|---|---|---|\n"
                        + "| `failOn` | `String` | `layerlint.failOn` | `warning` | Severity: `error`. |\n"
                        + "| `rules` | `Map<String, String>` | — | — | Per rule. |\n"
                        + GoalDocs.END + "\n",
                GoalDocs.parameterTable(goal));
    }

    @Test
    void theTableReplacesWhatIsBetweenTheMarkers() {
        String page = "# lint\n\n" + GoalDocs.BEGIN + "\nold\n" + GoalDocs.END + "\n\nmore\n";
        assertEquals(Optional.of("# lint\n\nNEW\n\nmore\n"), GoalDocs.withTable(page, "NEW\n"));
        assertEquals(Optional.empty(), GoalDocs.withTable("# lint\n", "NEW\n"));
    }
}
