package dev.layerlint.report;

import java.util.Locale;
import java.util.Objects;

/**
 * One budget checked against the image.
 *
 * @param name   the budget's name; {@value #SIZE} is the image's uncompressed size in bytes
 * @param limit  the limit, in the budget's unit
 * @param actual the measured value, in the same unit
 * @param passed whether the image stays within the budget
 */
public record BudgetLine(String name, long limit, long actual, boolean passed) {

    /** The name of the budget on the image's total uncompressed size, which the layer chart draws. */
    public static final String SIZE = "size";

    /** The name the inspect goal gives its budget on the image size. */
    public static final String MAX_IMAGE_SIZE = "maxImageSize";

    public BudgetLine {
        Objects.requireNonNull(name, "name");
    }

    /**
     * A value of this budget for people: budgets on sizes (a name containing {@code size} or {@code bytes},
     * such as {@code size}, {@code compressedSize}, {@code wastedBytes}) in bytes, others as plain counts.
     */
    public String display(long value) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.contains("percent")) {
            return value + "%";
        }
        return lower.contains("size") || lower.contains("bytes") || lower.contains("growth") ? ByteSizes.format(value) : Long.toString(value);
    }
}
