package dev.layerlint.budget;

import dev.layerlint.image.Image;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Holds an image against a {@link Budget}. */
public final class BudgetEvaluator {

    private BudgetEvaluator() {
    }

    /**
     * @param baseLayerCount how many bottom layers the base image contributed
     * @param baseline       the recorded figures {@code maxGrowth} compares against, if a baseline file exists
     */
    public static BudgetEvaluation evaluate(Image image, Budget budget, int baseLayerCount, Optional<Baseline> baseline) {
        ImageFigures figures = ImageFigures.of(image, budget, baseLayerCount);
        List<BudgetResult> results = new ArrayList<>();
        List<String> notices = new ArrayList<>();
        budget.maxImageSize().ifPresent(limit -> results.add(atMost("maxImageSize", limit, figures.imageSize())));
        budget.maxLayerSize().ifPresent(limit -> results.add(atMost("maxLayerSize", limit, figures.layers().stream()
                .map(ImageFigures.LayerFigure::size).max(Comparator.naturalOrder()).orElse(new ByteSize(0)))));
        budget.maxLayers().ifPresent(limit -> results.add(new BudgetResult("maxLayers", new Count(limit),
                new Count(figures.layersWithContent()), figures.layersWithContent() <= limit)));
        budget.maxWastedBytes().ifPresent(limit -> results.add(atMost("maxWastedBytes", limit, figures.wastedBytes())));
        budget.maxWastedPercent().ifPresent(limit -> results.add(new BudgetResult("maxWastedPercent", limit,
                figures.wastedPercent(), figures.wastedPercent().compareTo(limit) <= 0)));
        budget.minEfficiency().ifPresent(limit -> results.add(new BudgetResult("minEfficiency", limit,
                figures.efficiency(), figures.efficiency().compareTo(limit) >= 0)));
        budget.maxGrowth().ifPresent(limit -> {
            if (baseline.isPresent()) {
                results.add(growth(limit, baseline.get().size(), figures.imageSize().bytes()));
            } else {
                notices.add("maxGrowth: no baseline recorded yet; record one to compare against");
            }
        });
        return new BudgetEvaluation(figures, results, notices);
    }

    private static BudgetResult atMost(String name, ByteSize limit, ByteSize actual) {
        return new BudgetResult(name, limit, actual, actual.compareTo(limit) <= 0);
    }

    private static BudgetResult growth(Growth limit, long baselineSize, long size) {
        long change = size - baselineSize;
        if (limit instanceof Growth.Relative relative) {
            Percent actual = baselineSize == 0
                    ? new Percent(change == 0 ? 0 : Double.POSITIVE_INFINITY)
                    : new Percent(100.0 * change / baselineSize);
            return new BudgetResult("maxGrowth", relative.limit(), actual, actual.compareTo(relative.limit()) <= 0);
        }
        ByteSize absolute = ((Growth.Absolute) limit).limit();
        return new BudgetResult("maxGrowth", absolute, new SizeChange(change), change <= absolute.bytes());
    }
}
