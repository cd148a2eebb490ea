package dev.layerlint.rules;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Renders the rule reference ({@code docs/rules/}) from rule metadata and examples. */
public final class RuleDocs {

    private RuleDocs() {
    }

    /** {@code docs/rules/<id>.md} */
    public static String page(Rule rule) {
        RuleInfo info = rule.info();
        RuleExamples examples = RuleExamples.of(rule);
        StringBuilder md = new StringBuilder();
        md.append("# ").append(info.id()).append("\n\n");
        md.append("<!-- generated from the rule's metadata by RuleDocs; do not edit -->\n\n");
        md.append(info.summary()).append("\n\n");
        if (rule instanceof ImageRule) {
            md.append("Checked by [`layerlint:inspect`](../goals/inspect.md) on the built image; the examples are the"
                    + " Dockerfiles the images were built from.\n\n");
        }
        md.append("| | |\n|---|---|\n");
        md.append("| Default severity | ").append(info.severity().id()).append(" |\n");
        md.append("| Checklist item | ").append(Arrays.stream(info.checklist()).map(c -> c.text().replace("|", "\\|"))
                .findFirst().orElse("—")).append(" |\n");
        md.append("| Aliases | ").append(info.aliases().length == 0 ? "—"
                : Arrays.stream(info.aliases()).map(a -> "`" + a + "`").collect(Collectors.joining(", "))).append(" |\n\n");
        md.append("## Why\n\n").append(info.description().strip()).append("\n\n");
        if (rule instanceof ContextRule) {
            md.append("The examples describe their build context in comments: `# context:` lists its files (with a size where it ")
                    .append("matters), `# .dockerignore:` gives the ignore file line by line, and `# maxContextSize:` the configured limit.\n\n");
        }
        md.append("## Bad\n\n```dockerfile\n").append(examples.bad().stripTrailing()).append("\n```\n\n");
        md.append("## Good\n\n```dockerfile\n").append(examples.good().stripTrailing()).append("\n```\n\n");
        md.append("## Configure or suppress\n\n");
        md.append("Change the severity or turn the rule off in the pom:\n\n```xml\n<rules>\n  <")
                .append(info.id()).append(">off</").append(info.id()).append(">  <!-- or error, warning, info -->\n</rules>\n```\n\n");
        md.append("or for one build: `-Dlayerlint.rules=").append(info.id()).append(":off`");
        if (rule instanceof ContextRule) {
            md.append(". The rule reads the build context, not one instruction, so a comment in the Dockerfile does not suppress it.\n");
            return md.toString();
        }
        md.append(". ");
        md.append("Suppress one instruction with a comment on the line above it:\n\n```dockerfile\n# layerlint ignore=")
                .append(info.id()).append("\n```\n");
        List<String> aliases = List.of(info.aliases());
        if (!aliases.isEmpty()) {
            md.append("\nThe aliases work too, so settings written for other linters keep working: `# hadolint ignore=").append(aliases.stream().filter(a -> a.startsWith("DL"))
                    .findFirst().orElse(aliases.get(0))).append("` above an instruction, `.hadolint.yaml` (`ignored:`, `override:`), or BuildKit's `# check=skip=…` directive for the whole file.\n");
        }
        return md.toString();
    }

    /** {@code docs/rules/README.md}: the index of all rules. */
    public static String index() {
        StringBuilder md = new StringBuilder("# Rules\n\n<!-- generated from the rules' metadata by RuleDocs; do not edit -->\n\n");
        md.append("| Rule | Severity | Checklist item | Aliases | Summary |\n|---|---|---|---|---|\n");
        for (Rule rule : RuleCatalog.all()) {
            RuleInfo info = rule.info();
            md.append("| [").append(info.id()).append("](").append(info.id()).append(".md) | ").append(info.severity().id())
                    .append(" | ").append(Arrays.stream(info.checklist()).map(c -> c.text().replace("|", "\\|")).findFirst().orElse("—"))
                    .append(" | ").append(info.aliases().length == 0 ? "—" : String.join(", ", info.aliases()))
                    .append(" | ").append(info.summary().replace("|", "\\|")).append(" |\n");
        }
        return md.toString();
    }
}
