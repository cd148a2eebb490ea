package dev.layerlint.budget;

import dev.layerlint.image.Layer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One item of {@code excludeLayers}: {@code base} (the base image's layers), an index {@code 3},
 * a range {@code 0-4} (indexes from 0, bottom layer first), or a digest (prefix) such as
 * {@code sha256:4f2a} matched against the layer's diff id and blob digest.
 */
public sealed interface LayerSelector {

    boolean matches(Layer layer, int baseLayerCount);

    record BaseLayers() implements LayerSelector {
        @Override
        public boolean matches(Layer layer, int baseLayerCount) {
            return layer.index() < baseLayerCount;
        }

        @Override
        public String toString() {
            return "base";
        }
    }

    record IndexRange(int from, int to) implements LayerSelector {
        @Override
        public boolean matches(Layer layer, int baseLayerCount) {
            return layer.index() >= from && layer.index() <= to;
        }

        @Override
        public String toString() {
            return from == to ? Integer.toString(from) : from + "-" + to;
        }
    }

    record DigestPrefix(String prefix) implements LayerSelector {
        @Override
        public boolean matches(Layer layer, int baseLayerCount) {
            return layer.diffId().startsWith(prefix) || layer.digest().map(d -> d.startsWith(prefix)).orElse(false);
        }

        @Override
        public String toString() {
            return prefix;
        }
    }

    Pattern RANGE = Pattern.compile("(\\d{1,6})(?:-(\\d{1,6}))?");
    Pattern DIGEST = Pattern.compile("[a-z0-9]+:[a-f0-9]{4,}");

    static LayerSelector parse(String text, String parameter) throws BudgetException {
        String trimmed = text.trim();
        if (trimmed.equals("base")) {
            return new BaseLayers();
        }
        Matcher range = RANGE.matcher(trimmed);
        if (range.matches()) {
            int from = Integer.parseInt(range.group(1));
            int to = range.group(2) == null ? from : Integer.parseInt(range.group(2));
            if (to < from) {
                throw new BudgetException(parameter + ": '" + text + "' is an empty range");
            }
            return new IndexRange(from, to);
        }
        if (DIGEST.matcher(trimmed).matches()) {
            return new DigestPrefix(trimmed);
        }
        throw new BudgetException(parameter + ": '" + text + "' names no layer; write base, an index (3),"
                + " a range (0-4) or a digest prefix (sha256:4f2a…)");
    }
}
