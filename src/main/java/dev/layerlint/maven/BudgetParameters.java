package dev.layerlint.maven;

import dev.layerlint.budget.Budget;
import dev.layerlint.budget.BudgetException;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code <budget>} of the inspect goal, as Maven fills it from the pom: every limit as written,
 * parsed by {@link Budget.Builder}. Unset limits are not checked.
 */
public class BudgetParameters {

    /** Largest image size, e.g. {@code 500MB} (1000-based, as {@code docker images} prints it) or {@code 1.5GiB}. */
    public String maxImageSize;

    /** Largest size of one layer. */
    public String maxLayerSize;

    /** Most layers with content. */
    public String maxLayers;

    /** Most bytes stored in a layer but deleted or replaced by a later one. */
    public String maxWastedBytes;

    /** Most wasted bytes as a share of the image size, e.g. {@code 10%}. */
    public String maxWastedPercent;

    /** Least efficiency as dive computes it: {@code 95%} or {@code 0.95}. */
    public String minEfficiency;

    /** Most growth of the image size against the baseline: {@code 5%} or {@code 20MB}. */
    public String maxGrowth;

    /** Layers left out of every figure: {@code base}, an index {@code 3}, a range {@code 0-4}, a digest prefix. */
    public List<String> excludeLayers = new ArrayList<>();

    /** Paths left out of every figure: {@code /opt/models}, globs with {@code *}, {@code ?} and {@code **}. */
    public List<String> excludePaths = new ArrayList<>();

    Budget toBudget() throws BudgetException {
        return Budget.builder()
                .maxImageSize(maxImageSize)
                .maxLayerSize(maxLayerSize)
                .maxLayers(maxLayers)
                .maxWastedBytes(maxWastedBytes)
                .maxWastedPercent(maxWastedPercent)
                .minEfficiency(minEfficiency)
                .maxGrowth(maxGrowth)
                .excludeLayers(excludeLayers)
                .excludePaths(excludePaths)
                .build();
    }
}
