package dev.layerlint.rules.dockerfile;

import dev.layerlint.dockerfile.ImageRef;
import dev.layerlint.dockerfile.Stage;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the base-image rules need to know about tags and images. */
final class BaseImages {

    /** How precisely a tag names what a build gets. */
    enum Precision {
        /** A tag the rules cannot read as a version (a variant name, a commit): not judged. */
        NONE,
        /**
         * A moving name ({@code latest}, {@code stable}, {@code sid}), or a distribution codename on an image
         * with versions of its own: {@code python:bookworm} is the newest Python on bookworm.
         */
        FLOATING,
        /** A Debian codename on Debian ({@code debian:bookworm-slim}): moves with every point release, as a major version does. */
        CODENAME,
        MAJOR,
        MINOR,
        /**
         * The finest version the image publishes ({@code python:3.11.6}, {@code debian:12.5}, {@code ubuntu:22.04}
         * and its alias {@code ubuntu:jammy}, {@code fedora:40}), or a dated snapshot ({@code debian:bookworm-20240311-slim}).
         */
        FULL
    }

    private static final Pattern VERSION = Pattern.compile("^v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(.*)$");
    private static final Pattern DATE = Pattern.compile("^(?:19|20)\\d{6}(?:[-_].*)?$");
    private static final Pattern DATED_NAME = Pattern.compile("^([a-z][a-z-]*?)-(?:19|20)\\d{6}(?:[-_].*)?$");
    private static final Set<String> MOVING_NAMES = Set.of("latest", "stable", "lts", "edge", "current", "mainline",
            "rolling", "nightly", "dev", "master", "main",
            // Debian's suites, Ubuntu's and Fedora's development releases
            "testing", "unstable", "sid", "oldstable", "oldoldstable", "experimental", "rc-buggy", "devel", "rawhide");
    /** Moving names that also move as the last part of a tag ({@code jre-latest}, {@code 21-jdk-nightly}). */
    private static final Set<String> MOVING_SUFFIXES = Set.of("latest", "stable", "current", "edge", "rolling", "nightly");
    /** Red Hat's registries, whose tags add a build number to the version ({@code 1.24-2}, {@code 9.5-1736404155}). */
    private static final Set<String> RED_HAT_REGISTRIES = Set.of("registry.access.redhat.com", "registry.redhat.io");
    private static final Set<String> DEBIAN_CODENAMES = Set.of("wheezy", "jessie", "stretch", "buster", "bullseye",
            "bookworm", "trixie", "forky", "duke");
    private static final Set<String> UBUNTU_CODENAMES = Set.of("precise", "trusty", "xenial", "bionic", "focal", "jammy",
            "kinetic", "lunar", "mantic", "noble", "oracular", "plucky", "questing");
    /**
     * Distributions whose finest version tag has fewer parts than major.minor.patch: Debian's point releases
     * ({@code 12.5}), Ubuntu's releases ({@code 22.04}; Docker Hub has no {@code 22.04.x}), Fedora's releases ({@code 40}).
     */
    private static final Map<String, Integer> FINEST_VERSION_PARTS = Map.of("debian", 2, "ubuntu", 2, "fedora", 1);

    private BaseImages() {
    }

    /** Stages whose base is a real image reference that rules can judge. */
    static boolean judged(Stage stage) {
        ImageRef base = stage.base();
        return stage.parentStage().isEmpty() && !base.isScratch() && !base.text().isEmpty() && !base.hasUnresolvedVariable()
                && base.digest().isEmpty();
    }

    /** How precisely the tag of {@code base} names what a build gets; {@link Precision#NONE} without a tag. */
    static Precision precision(ImageRef base) {
        String tag = base.tag().orElse("").toLowerCase(Locale.ROOT);
        String first = release(tag);
        Matcher dated = DATED_NAME.matcher(tag);
        if (DATE.matcher(tag).matches() || dated.matches() && releaseName(dated.group(1))) {
            return Precision.FULL;
        }
        if (MOVING_NAMES.contains(tag) || MOVING_NAMES.contains(first) || MOVING_SUFFIXES.contains(lastPart(tag))) {
            return Precision.FLOATING;
        }
        if (DEBIAN_CODENAMES.contains(first)) {
            return base.name().equals("debian") ? Precision.CODENAME : Precision.FLOATING;
        }
        if (UBUNTU_CODENAMES.contains(first)) {
            return base.name().equals("ubuntu") ? Precision.FULL : Precision.FLOATING;
        }
        Matcher m = VERSION.matcher(tag);
        if (!m.matches() || !(m.group(4).isEmpty() || m.group(4).startsWith("-") || m.group(4).startsWith("_"))) {
            return Precision.NONE;
        }
        int parts = m.group(3) != null ? 3 : m.group(2) != null ? 2 : 1;
        if (parts >= FINEST_VERSION_PARTS.getOrDefault(base.name(), 3)) {
            return Precision.FULL;
        }
        return parts == 1 ? Precision.MAJOR : Precision.MINOR;
    }

    /** The part of a tag after its last {@code -} or {@code _}: {@code latest} of {@code jre-latest}. */
    private static String lastPart(String tag) {
        int cut = Math.max(tag.lastIndexOf('-'), tag.lastIndexOf('_'));
        return tag.substring(cut + 1);
    }

    /**
     * How to pin {@code image}, registry host kept: {@code registry.example.com/app:<version>-jre} for
     * {@code registry.example.com/app:jre-latest}, and the version-build form for Red Hat's images
     * ({@code registry.access.redhat.com/ubi9/openjdk-21-runtime:<version>-<build>}, e.g. {@code 1.24-2}).
     */
    static String pinExample(ImageRef image) {
        String tag = image.tag().orElse("");
        List<String> variant = new java.util.ArrayList<>();
        for (String part : tag.split("[-_]")) {
            if (!part.isEmpty() && !MOVING_NAMES.contains(part.toLowerCase(Locale.ROOT)) && !MOVING_SUFFIXES.contains(part.toLowerCase(Locale.ROOT))) {
                variant.add(part);
            }
        }
        boolean redHat = redHat(image);
        return image.registry().map(r -> r + "/").orElse("") + image.repository() + ":" + (redHat ? "<version>-<build>" : "<version>")
                + (variant.isEmpty() ? "" : "-" + String.join("-", variant)) + (redHat ? " (Red Hat tags add a build number, e.g. 1.24-2)" : "");
    }

    /**
     * The full version of a minor-only tag, registry host kept: {@code python:3.11.x-slim} for {@code python:3.11-slim},
     * and the version-build form for Red Hat's images ({@code registry.access.redhat.com/ubi9/openjdk-21-runtime:1.24-<build>}).
     */
    static String patchExample(ImageRef image) {
        String tag = image.tag().orElse("");
        String host = image.registry().map(r -> r + "/").orElse("");
        if (redHat(image)) {
            return host + image.repository() + ":" + tag + "-<build> (Red Hat tags add a build number, e.g. " + tag + "-2)";
        }
        return host + image.repository() + ":" + tag.replaceFirst("^(v?\\d+\\.\\d+)", "$1.x");
    }

    /** An image from Red Hat's registries or one of its UBI images. */
    private static boolean redHat(ImageRef image) {
        return image.registry().map(RED_HAT_REGISTRIES::contains).orElse(false)
                || image.repository().startsWith("ubi") || image.repository().contains("/ubi");
    }

    /** The part of a tag before its variant: {@code bookworm} of {@code bookworm-slim}, {@code 3.11} of {@code 3.11-alpine}. */
    static String release(String tag) {
        return tag.split("[-_]", 2)[0];
    }

    private static boolean releaseName(String name) {
        return MOVING_NAMES.contains(name) || DEBIAN_CODENAMES.contains(name) || UBUNTU_CODENAMES.contains(name);
    }
}
