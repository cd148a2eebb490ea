package dev.layerlint.budget;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A service's image budget. Every limit is optional; {@code excludeLayers} and
 * {@code excludePaths} take layers and files out of every figure, so that a service can budget
 * only what it controls (e.g. everything but the base image and {@code /opt/models}).
 */
public record Budget(
        Optional<ByteSize> maxImageSize,
        Optional<ByteSize> maxLayerSize,
        OptionalLong maxLayers,
        Optional<ByteSize> maxWastedBytes,
        Optional<Percent> maxWastedPercent,
        Optional<Percent> minEfficiency,
        Optional<Growth> maxGrowth,
        List<LayerSelector> excludeLayers,
        List<PathPattern> excludePaths) {

    public Budget {
        Objects.requireNonNull(maxImageSize, "maxImageSize");
        Objects.requireNonNull(maxLayerSize, "maxLayerSize");
        Objects.requireNonNull(maxLayers, "maxLayers");
        Objects.requireNonNull(maxWastedBytes, "maxWastedBytes");
        Objects.requireNonNull(maxWastedPercent, "maxWastedPercent");
        Objects.requireNonNull(minEfficiency, "minEfficiency");
        Objects.requireNonNull(maxGrowth, "maxGrowth");
        excludeLayers = List.copyOf(excludeLayers);
        excludePaths = List.copyOf(excludePaths);
    }

    /** A budget without limits. */
    public static Budget none() {
        return new Builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a budget from configuration text, one setter per parameter; {@code null} or blank
     * leaves a limit unset. A bad value fails with a message naming the parameter.
     */
    public static final class Builder {
        private Optional<ByteSize> maxImageSize = Optional.empty();
        private Optional<ByteSize> maxLayerSize = Optional.empty();
        private OptionalLong maxLayers = OptionalLong.empty();
        private Optional<ByteSize> maxWastedBytes = Optional.empty();
        private Optional<Percent> maxWastedPercent = Optional.empty();
        private Optional<Percent> minEfficiency = Optional.empty();
        private Optional<Growth> maxGrowth = Optional.empty();
        private final List<LayerSelector> excludeLayers = new ArrayList<>();
        private final List<PathPattern> excludePaths = new ArrayList<>();

        private Builder() {
        }

        public Builder maxImageSize(String text) throws BudgetException {
            maxImageSize = optional(text, "maxImageSize", ByteSize::parse);
            return this;
        }

        public Builder maxLayerSize(String text) throws BudgetException {
            maxLayerSize = optional(text, "maxLayerSize", ByteSize::parse);
            return this;
        }

        public Builder maxLayers(String text) throws BudgetException {
            if (!isSet(text)) {
                maxLayers = OptionalLong.empty();
            } else if (text.trim().matches("\\d{1,9}")) {
                maxLayers = OptionalLong.of(Long.parseLong(text.trim()));
            } else {
                throw new BudgetException("maxLayers: '" + text + "' is not a number of layers");
            }
            return this;
        }

        public Builder maxWastedBytes(String text) throws BudgetException {
            maxWastedBytes = optional(text, "maxWastedBytes", ByteSize::parse);
            return this;
        }

        public Builder maxWastedPercent(String text) throws BudgetException {
            if (!isSet(text)) {
                maxWastedPercent = Optional.empty();
                return this;
            }
            Percent percent = Percent.parse(text, "maxWastedPercent");
            if (percent.value() > 100) {
                throw new BudgetException("maxWastedPercent: '" + text + "' is more than 100%");
            }
            maxWastedPercent = Optional.of(percent);
            return this;
        }

        /** {@code 95%} or dive's fraction {@code 0.95}. */
        public Builder minEfficiency(String text) throws BudgetException {
            minEfficiency = optional(text, "minEfficiency", Percent::parseFractionOrPercent);
            return this;
        }

        public Builder maxGrowth(String text) throws BudgetException {
            maxGrowth = optional(text, "maxGrowth", Growth::parse);
            return this;
        }

        /** Items as Maven gives a list parameter; each may itself be comma-separated. */
        public Builder excludeLayers(List<String> items) throws BudgetException {
            excludeLayers.clear();
            for (String item : split(items)) {
                excludeLayers.add(LayerSelector.parse(item, "excludeLayers"));
            }
            return this;
        }

        public Builder excludePaths(List<String> items) throws BudgetException {
            excludePaths.clear();
            for (String item : split(items)) {
                excludePaths.add(PathPattern.parse(item, "excludePaths"));
            }
            return this;
        }

        public Budget build() {
            return new Budget(maxImageSize, maxLayerSize, maxLayers, maxWastedBytes, maxWastedPercent, minEfficiency,
                    maxGrowth, excludeLayers, excludePaths);
        }

        /** How a limit is read from its text; the parameter's name goes into the error message. */
        @FunctionalInterface
        private interface LimitParser<T> {
            T parse(String text, String parameter) throws BudgetException;
        }

        /** The limit {@code text} gives, or empty when it is blank (the parameter was not set). */
        private static <T> Optional<T> optional(String text, String parameter, LimitParser<T> parser) throws BudgetException {
            return isSet(text) ? Optional.of(parser.parse(text, parameter)) : Optional.empty();
        }

        private static boolean isSet(String text) {
            return text != null && !text.isBlank();
        }

        private static List<String> split(List<String> items) {
            List<String> parts = new ArrayList<>();
            for (String item : items == null ? List.<String>of() : items) {
                for (String part : item == null ? new String[0] : item.split(",")) {
                    if (!part.isBlank()) {
                        parts.add(part.trim());
                    }
                }
            }
            return parts;
        }
    }
}
