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
 */
public record RuleOptions(List<String> trustedRegistries, List<String> allowedBaseImages) {

    public static final RuleOptions DEFAULTS = new RuleOptions(List.of(), List.of());

    public RuleOptions {
        trustedRegistries = List.copyOf(trustedRegistries);
        allowedBaseImages = List.copyOf(allowedBaseImages);
    }

    /** True when the image, written as in FROM, matches one of {@link #allowedBaseImages()}. */
    public boolean allowsBaseImage(ImageRef image) {
        return allowedBaseImages.stream().anyMatch(glob -> Pattern.compile(
                "\\Q" + glob.replace("*", "\\E.*\\Q") + "\\E").matcher(image.text()).matches());
    }
}
