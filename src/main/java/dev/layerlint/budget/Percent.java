package dev.layerlint.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A percentage: {@code 12.5} is 12.5 %. Prints with at most two decimals, e.g. {@code 12.5%}. */
public record Percent(double value) implements Measure, Comparable<Percent> {

    private static final Pattern SYNTAX = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(%?)");

    /** {@code 5%} or {@code 5}: five percent. */
    public static Percent parse(String text, String parameter) throws BudgetException {
        Matcher matcher = match(text, parameter, "a percentage, e.g. 10% or 10");
        return new Percent(Double.parseDouble(matcher.group(1)));
    }

    /**
     * {@code 95%} or {@code 95}, or a fraction of one such as dive's {@code 0.95}: all are 95 %. A bare number up to 1
     * is a fraction, above 1 a percentage.
     */
    public static Percent parseFractionOrPercent(String text, String parameter) throws BudgetException {
        Matcher matcher = match(text, parameter, "a percentage such as 95% or 95, or a fraction such as 0.95");
        double number = Double.parseDouble(matcher.group(1));
        return atMostAll(matcher.group(2).isEmpty() && number <= 1 ? number * 100 : number, text, parameter);
    }

    private static Percent atMostAll(double percent, String text, String parameter) throws BudgetException {
        if (percent > 100) {
            throw new BudgetException(parameter + ": '" + text + "' is more than 100%");
        }
        return new Percent(percent);
    }

    private static Matcher match(String text, String parameter, String hint) throws BudgetException {
        Matcher matcher = SYNTAX.matcher(text == null ? "" : text.trim());
        if (!matcher.matches()) {
            throw new BudgetException(parameter + ": '" + text + "' is not " + hint);
        }
        return matcher;
    }

    /** {@code part} as a percentage of {@code whole}; 0 when {@code whole} is 0. */
    public static Percent of(long part, long whole) {
        return new Percent(whole == 0 ? 0 : 100.0 * part / whole);
    }

    @Override
    public int compareTo(Percent other) {
        return Double.compare(value, other.value);
    }

    @Override
    public String toString() {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString() + "%";
    }
}
