package dev.layerlint.budget;

import java.util.Objects;

/**
 * One budget held against the image.
 *
 * @param name   the parameter, e.g. {@code maxImageSize}
 * @param limit  what the budget allows
 * @param actual what the image has
 */
public record BudgetResult(String name, Measure limit, Measure actual, boolean passed) {
    public BudgetResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(actual, "actual");
    }
}
