package dev.layerlint.rules.image;

import dev.layerlint.dockerfile.Keyword;
import dev.layerlint.image.Image;
import dev.layerlint.image.ImageSource;
import dev.layerlint.report.ChecklistItem;
import dev.layerlint.report.Severity;
import dev.layerlint.rules.ImageRule;
import dev.layerlint.rules.ImageRuleContext;
import dev.layerlint.rules.RuleInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@RuleInfo(
        id = "ImageNotVersioned",
        severity = Severity.WARNING,
        checklist = ChecklistItem.TAGGED,
        summary = "The image is tagged only `latest` (or not at all) and has no `org.opencontainers.image.version` or `revision` label.",
        description = """
                An image known only as `latest` cannot be told apart from the one before it: a rollback, a
                bug report or an audit cannot say which build runs. Tag it with the version or the commit
                (`app:1.4.2`, `app:3f2a9c1`), or record them in the OCI labels
                `org.opencontainers.image.version` and `org.opencontainers.image.revision`
                (`LABEL org.opencontainers.image.revision=$GIT_COMMIT`). Either is enough. An image read by
                id or from an archive is judged by the tags the daemon or the archive records.""",
        aliases = {})
public final class ImageNotVersioned implements ImageRule {

    static final List<String> VERSION_LABELS = List.of("org.opencontainers.image.version", "org.opencontainers.image.revision");

    @Override
    public void check(ImageRuleContext context) {
        Image image = context.inspection().image();
        if (VERSION_LABELS.stream().anyMatch(label -> !image.config().labels().getOrDefault(label, "").isBlank())) {
            return;
        }
        List<String> tags = new ArrayList<>();
        tagOf(image.reference()).ifPresent(tags::add);
        image.repoTags().forEach(reference -> tagOf(reference).ifPresent(tags::add));
        if (tags.stream().noneMatch(tag -> !tag.equals("latest"))) {
            String known = tags.isEmpty() ? "no tag" : "only the tag `latest`";
            context.reportConfig(Keyword.LABEL, "the image has " + known + " and no " + String.join(" or ", VERSION_LABELS)
                    + " label; tag it with the version or commit, or set the labels");
        }
    }

    /** The tag of {@code repository:tag} (no tag for an id, a digest reference or an archive). */
    static Optional<String> tagOf(String text) {
        String reference = text.startsWith(ImageSource.PODMAN_STORAGE) ? text.substring(ImageSource.PODMAN_STORAGE.length()) : text;
        if (reference.contains("@") || reference.matches("(?:sha256:)?[0-9a-f]{12,64}") || reference.matches("[a-z-]+-archive:.*|oci:.*")) {
            return Optional.empty();
        }
        int slash = reference.lastIndexOf('/');
        int colon = reference.lastIndexOf(':');
        return colon > slash ? Optional.of(reference.substring(colon + 1)) : Optional.of("latest");
    }
}
