package dev.layerlint.rules.dockerfile;

import dev.layerlint.dockerfile.ImageRef;
import dev.layerlint.dockerfile.Stage;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the base-image rules need to know about tags and images. */
final class BaseImages {

    /** How precisely a tag names a version. */
    enum Precision { NONE, FLOATING, MAJOR, MINOR, PATCH }

    private static final Pattern VERSION = Pattern.compile("^v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(.*)$");
    private static final Set<String> FLOATING_TAGS = Set.of("latest", "stable", "lts", "edge", "current", "mainline",
            "rolling", "nightly", "dev", "master", "main");

    private BaseImages() {
    }

    /** Stages whose base is a real image reference that rules can judge. */
    static boolean judged(Stage stage) {
        ImageRef base = stage.base();
        return stage.parentStage().isEmpty() && !base.isScratch() && !base.text().isEmpty() && !base.hasUnresolvedVariable()
                && base.digest().isEmpty();
    }

    static Precision versionPrecision(String tag) {
        String lower = tag.toLowerCase(java.util.Locale.ROOT);
        String first = lower.split("[-_]", 2)[0];
        if (FLOATING_TAGS.contains(lower) || FLOATING_TAGS.contains(first)) {
            return Precision.FLOATING;
        }
        Matcher m = VERSION.matcher(lower);
        if (!m.matches() || !(m.group(4).isEmpty() || m.group(4).startsWith("-") || m.group(4).startsWith("_"))) {
            return Precision.NONE;
        }
        if (m.group(3) != null) {
            return Precision.PATCH;
        }
        return m.group(2) != null ? Precision.MINOR : Precision.MAJOR;
    }
}
