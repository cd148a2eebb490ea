package dev.layerlint.rules;

import dev.layerlint.dockerfile.ImageRef;
import dev.layerlint.image.JarLayout;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Lists and limits that rules consult, configurable per module.
 *
 * @param trustedRegistries registries base images may come from ({@code docker.io} for Docker Hub), with wildcards as
 *                          hadolint reads them ({@code *.example.com}, {@code registry.*}, {@code *}); empty allows any
 * @param allowedBaseImages patterns base images must match, {@code *} standing for any text
 *                          ({@code eclipse-temurin:*-jre*}); empty allows any
 * @param toolchainPackages package names (regular expressions) that count as build toolchains
 * @param fatJarThreshold   bytes from which a jar in an image's layer is looked into and judged by {@code FatJarInLayer}
 */
public record RuleOptions(List<String> trustedRegistries, List<String> allowedBaseImages, List<String> toolchainPackages,
        long fatJarThreshold) {

    public static final RuleOptions DEFAULTS = new RuleOptions(List.of(), List.of(),
            dev.layerlint.rules.dockerfile.BuildToolchainInImage.DEFAULT_TOOLCHAIN_PACKAGES, JarLayout.DEFAULT_THRESHOLD);

    /**
     * Compiled forms of configured lists, shared by every lint of every module: keyed by the configured text, so it
     * holds no more than the configuration does.
     */
    private static final Map<Map.Entry<String, List<String>>, Pattern> COMPILED = new ConcurrentHashMap<>();

    /**
     * @throws IllegalArgumentException naming the entry, when a {@code toolchainPackages} entry is not a regular
     *                                  expression, or when {@code fatJarThreshold} is negative
     */
    public RuleOptions {
        if (fatJarThreshold < 0) {
            throw new IllegalArgumentException("fatJarThreshold: a size cannot be negative: " + fatJarThreshold);
        }
        trustedRegistries = List.copyOf(trustedRegistries);
        allowedBaseImages = List.copyOf(allowedBaseImages);
        toolchainPackages = List.copyOf(toolchainPackages);
        for (String entry : toolchainPackages) {
            try {
                Pattern.compile(entry);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("toolchainPackages: '" + entry + "' is not a regular expression: "
                        + e.getDescription() + " at index " + e.getIndex());
            }
        }
    }

    public RuleOptions(List<String> trustedRegistries, List<String> allowedBaseImages, List<String> toolchainPackages) {
        this(trustedRegistries, allowedBaseImages, toolchainPackages, JarLayout.DEFAULT_THRESHOLD);
    }

    public RuleOptions(List<String> trustedRegistries, List<String> allowedBaseImages) {
        this(trustedRegistries, allowedBaseImages, DEFAULTS.toolchainPackages());
    }

    /** Docker Hub's names: an image without a registry comes from there. */
    private static final java.util.Set<String> DOCKER_HUB = java.util.Set.of("docker.io", "index.docker.io",
            "registry-1.docker.io", "hub.docker.com");

    /**
     * True when {@code registry} ({@code docker.io} for Docker Hub) is one of {@link #trustedRegistries()}: equal
     * (any of Docker Hub's names for Docker Hub), or matched by a wildcard entry ({@code *} any registry,
     * {@code *.example.com} a name that ends with {@code .example.com}, {@code registry.*} one that starts with
     * {@code registry.}), case-insensitively. True when the list is empty.
     */
    public boolean trustsRegistry(String registry) {
        if (trustedRegistries.isEmpty()) {
            return true;
        }
        String host = registry.toLowerCase(java.util.Locale.ROOT);
        for (String entry : trustedRegistries) {
            String trusted = entry.strip().toLowerCase(java.util.Locale.ROOT);
            boolean matches = trusted.equals("*")
                    || trusted.startsWith("*") && host.endsWith(trusted.substring(1))
                    || trusted.endsWith("*") && host.startsWith(trusted.substring(0, trusted.length() - 1))
                    || trusted.equals(host)
                    || DOCKER_HUB.contains(trusted) && DOCKER_HUB.contains(host);
            if (matches) {
                return true;
            }
        }
        return false;
    }

    /** True when the image, written as in FROM, matches one of {@link #allowedBaseImages()}. */
    public boolean allowsBaseImage(ImageRef image) {
        return COMPILED.computeIfAbsent(Map.entry("allowedBaseImages", allowedBaseImages), key ->
                Pattern.compile(String.join("|", allowedBaseImages.stream()
                        .map(glob -> "\\Q" + glob.replace("*", "\\E.*\\Q") + "\\E").toList())))
                .matcher(image.text()).matches();
    }

    /** True when a package name, without a version ({@code gcc=12.2}, {@code gcc:12}), is one of {@link #toolchainPackages()}. */
    public boolean isToolchainPackage(String operand) {
        if (toolchainPackages.isEmpty()) {
            return false;
        }
        int version = indexOfAny(operand, '=', ':');
        String name = version < 0 ? operand : operand.substring(0, version);
        return COMPILED.computeIfAbsent(Map.entry("toolchainPackages", toolchainPackages), key ->
                Pattern.compile(String.join("|", toolchainPackages.stream().map(p -> "(?:" + p + ")").toList())))
                .matcher(name).matches();
    }

    private static int indexOfAny(String text, char a, char b) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == a || text.charAt(i) == b) {
                return i;
            }
        }
        return -1;
    }
}
