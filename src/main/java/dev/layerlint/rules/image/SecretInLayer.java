package dev.layerlint.rules.image;

import dev.layerlint.image.FileSystemView;
import dev.layerlint.image.Layer;
import dev.layerlint.image.LayerEntry;
import dev.layerlint.report.ChecklistItem;
import dev.layerlint.report.Severity;
import dev.layerlint.rules.ImageRule;
import dev.layerlint.rules.ImageRuleContext;
import dev.layerlint.rules.RuleInfo;
import dev.layerlint.text.Plural;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@RuleInfo(
        id = "SecretInLayer",
        severity = Severity.ERROR,
        checklist = ChecklistItem.DOCKERIGNORE,
        summary = "A layer stores VCS data (`.git/`) or secrets (`.env`, private keys, credentials), even if a later layer deletes them.",
        description = """
                Every layer of an image can be pulled and unpacked on its own (`docker save`, `crane export`),
                so a file a later RUN deletes is still there for anyone with the image. `.git/` carries the
                whole history, including secrets removed from the working tree long ago; `.env` files,
                SSH and TLS private keys and credential files give access to other systems. Keep them out of
                the build context with `.dockerignore`, and pass build secrets with
                `RUN --mount=type=secret`. Layers of the base image are not judged.""",
        aliases = {})
public final class SecretInLayer implements ImageRule {

    private static final Pattern VCS = Pattern.compile("(.*?/(?:\\.git|\\.svn|\\.hg))(?:/.*)?");
    private static final Pattern SECRET_NAME = Pattern.compile(
            "\\.env(?:\\.(?!example$|sample$|template$|dist$)[A-Za-z0-9_-]+)?"
                    + "|id_(?:rsa|dsa|ecdsa|ed25519)|.+\\.(?:key|p12|pfx)|\\.netrc|\\.pgpass|\\.git-credentials");
    private static final Pattern CREDENTIALS = Pattern.compile(".*/\\.(?:aws/credentials|docker/config\\.json)");
    private static final int SHOWN = 5;

    @Override
    public void check(ImageRuleContext context) {
        FileSystemView visible = context.inspection().fileSystem();
        for (Layer layer : context.inspection().image().layers()) {
            if (context.inspection().layerMap().origin(layer.index()).base()) {
                continue;
            }
            Map<String, Integer> found = new LinkedHashMap<>();
            boolean allDeleted = true;
            for (LayerEntry.File file : layer.files()) {
                Optional<String> item = secretItem(file);
                if (item.isPresent()) {
                    found.merge(item.get(), 1, Integer::sum);
                    allDeleted &= visible.get(file.path()).map(shown -> shown.layerIndex() != layer.index()).orElse(true);
                }
            }
            if (!found.isEmpty()) {
                String them = Plural.choose(found.size(), "it", "them");
                context.reportLayer(layer.index(), context.describeLayer(layer.index()) + " stores " + describe(found)
                        + (allDeleted ? "; a later layer deletes " + them + ", but " + Plural.choose(found.size(), "it stays", "they stay")
                                + " extractable from this one" : "")
                        + "; keep " + them + " out of the build context (.dockerignore) and use RUN --mount=type=secret for build secrets");
            }
        }
    }

    /** What the file counts as: its VCS directory ({@code /app/.git/}) or the secret file's path. */
    private static Optional<String> secretItem(LayerEntry.File file) {
        Matcher vcs = VCS.matcher(file.path());
        if (vcs.matches()) {
            return Optional.of(vcs.group(1) + "/");
        }
        String name = file.path().substring(file.path().lastIndexOf('/') + 1);
        boolean secret = file.type() != LayerEntry.FileType.DIRECTORY
                && (SECRET_NAME.matcher(name).matches() || CREDENTIALS.matcher(file.path()).matches());
        return secret ? Optional.of(file.path()) : Optional.empty();
    }

    private static String describe(Map<String, Integer> found) {
        List<String> items = new ArrayList<>();
        found.forEach((item, entries) -> items.add(item.endsWith("/") ? item + " (" + Plural.count(entries, "entry", "entries") + ")" : item));
        String shown = String.join(", ", items.subList(0, Math.min(SHOWN, items.size())));
        return items.size() > SHOWN ? shown + " and " + (items.size() - SHOWN) + " more" : shown;
    }
}
