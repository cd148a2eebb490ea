package dev.layerlint.budget;

/** How much the image may grow against the baseline: relative ({@code 5%}) or absolute ({@code 20MB}). */
public sealed interface Growth {

    /** The limit as a measure, for reports. */
    Measure limit();

    record Relative(Percent limit) implements Growth {
    }

    record Absolute(ByteSize limit) implements Growth {
    }

    /** {@code 5%} is relative; anything else must be a {@link ByteSize}. */
    static Growth parse(String text, String parameter) throws BudgetException {
        if (text != null && text.trim().endsWith("%")) {
            return new Relative(Percent.parse(text, parameter));
        }
        try {
            return new Absolute(ByteSize.parse(text, parameter));
        } catch (BudgetException e) {
            throw new BudgetException(parameter + ": '" + text + "' is neither a percentage (5%) nor a size (20MB)", e);
        }
    }
}
