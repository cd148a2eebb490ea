package dev.layerlint.budget;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of holding an image against its budget.
 *
 * @param figures what was measured
 * @param results one per configured limit, in parameter order
 * @param notices limits that could not be checked and why (e.g. {@code maxGrowth} without a baseline)
 */
public record BudgetEvaluation(ImageFigures figures, List<BudgetResult> results, List<String> notices) {
    public BudgetEvaluation {
        Objects.requireNonNull(figures, "figures");
        results = List.copyOf(results);
        notices = List.copyOf(notices);
    }

    public boolean passed() {
        return results.stream().allMatch(BudgetResult::passed);
    }
}
