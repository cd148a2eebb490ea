package dev.layerlint.rules;

import dev.layerlint.dockerfile.ImageRef;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Lists that rules consult, configurable per module.
 *
 * @param trustedRegistries registries base images may come from ({@code docker.io} for Docker Hub); empty allows any
 * @param allowedBaseImages patterns base images must match, {@code *} standing for any text
 *                          ({@code eclipse-temurin:*-jre*}); empty allows any
 * @param toolchainPackages package names (regular expressions) that count as build toolchains
 */
public record RuleOptions(List<String> trustedRegistries, List<String> allowedBaseImages, List<String> toolchainPackages) {

    public static final RuleOptions DEFAULTS = new RuleOptions(List.of(), List.of(),
            dev.layerlint.rules.dockerfile.BuildToolchainInImage.DEFAULT_TOOLCHAIN_PACKAGES);

    public RuleOptions {
        trustedRegistries = List.copyOf(trustedRegistries);
        allowedBaseImages = List.copyOf(allowedBaseImages);
        toolchainPackages = List.copyOf(toolchainPackages);
    }

    public RuleOptions(List<String> trustedRegistries, List<String> allowedBaseImages) {
        this(trustedRegistries, allowedBaseImages, DEFAULTS.toolchainPackages());
    }

    /** True when the image, written as in FROM, matches one of {@link #allowedBaseImages()}. */
    public boolean allowsBaseImage(ImageRef image) {
        return allowedBaseImages.stream().anyMatch(glob -> Pattern.compile(
                "\\Q" + glob.replace("*", "\\E.*\\Q") + "\\E").matcher(image.text()).matches());
    }
}
