package dev.layerlint.budget;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number of bytes. Parsed from {@code 500MB}, {@code 1.5GB}, {@code 512KiB}: {@code B},
 * {@code kB}/{@code KB}, {@code MB}, {@code GB} are 1000-based, as {@code docker images} prints
 * them; {@code KiB}, {@code MiB}, {@code GiB} are 1024-based; a bare number is bytes. Printed the way
 * {@code docker images} does: three significant digits, 1000-based ({@code 1.98MB}).
 */
public record ByteSize(long bytes) implements Measure, Comparable<ByteSize> {

    private static final Pattern SYNTAX = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([A-Za-z]*)");
    private static final Map<String, Long> UNITS = Map.of(
            "", 1L, "B", 1L,
            "kB", 1000L, "KB", 1000L, "MB", 1000L * 1000, "GB", 1000L * 1000 * 1000,
            "KiB", 1024L, "MiB", 1024L * 1024, "GiB", 1024L * 1024 * 1024);
    private static final String[] PRINTED_UNITS = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};

    public ByteSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("a size cannot be negative: " + bytes);
        }
    }

    /**
     * @param parameter the parameter the text came from, named in the error
     * @throws BudgetException when {@code text} is not a size in one of the units
     */
    public static ByteSize parse(String text, String parameter) throws BudgetException {
        Matcher matcher = SYNTAX.matcher(text == null ? "" : text.trim());
        Long unit = matcher.matches() ? UNITS.get(matcher.group(2)) : null;
        if (unit == null) {
            throw new BudgetException(parameter + ": '" + text + "' is not a size; write a number and one of B, kB, MB, GB"
                    + " (1000-based, as docker images prints them) or KiB, MiB, GiB, e.g. 500MB");
        }
        BigDecimal bytes = new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(unit))
                .setScale(0, RoundingMode.HALF_UP);
        if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new BudgetException(parameter + ": '" + text + "' is too large");
        }
        return new ByteSize(bytes.longValueExact());
    }

    @Override
    public int compareTo(ByteSize other) {
        return Long.compare(bytes, other.bytes);
    }

    @Override
    public String toString() {
        BigDecimal value = BigDecimal.valueOf(bytes);
        int unit = 0;
        BigDecimal thousand = BigDecimal.valueOf(1000);
        while (value.compareTo(thousand) >= 0 && unit < PRINTED_UNITS.length - 1) {
            value = value.divide(thousand);
            unit++;
        }
        return value.round(new MathContext(3, RoundingMode.HALF_EVEN)).stripTrailingZeros().toPlainString() + PRINTED_UNITS[unit];
    }
}
