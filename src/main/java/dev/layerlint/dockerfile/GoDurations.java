package dev.layerlint.dockerfile;

import java.math.BigDecimal;
import java.util.Map;

/** Go's {@code time.ParseDuration}, which BuildKit reads the HEALTHCHECK intervals with. */
final class GoDurations {

    private static final Map<String, BigDecimal> UNITS = Map.of(
            "ns", BigDecimal.ONE,
            "us", BigDecimal.valueOf(1_000L),
            "\u00b5s", BigDecimal.valueOf(1_000L),
            "\u03bcs", BigDecimal.valueOf(1_000L),
            "ms", BigDecimal.valueOf(1_000_000L),
            "s", BigDecimal.valueOf(1_000_000_000L),
            "m", BigDecimal.valueOf(60_000_000_000L),
            "h", BigDecimal.valueOf(3_600_000_000_000L));
    private static final BigDecimal MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private GoDurations() {
    }

    /** The duration in nanoseconds; the exception carries Go's message. */
    static long parse(String text) {
        String invalid = "time: invalid duration " + GoStrings.quote(text);
        String s = text;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return 0;
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException(invalid);
        }
        BigDecimal total = BigDecimal.ZERO;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '.' && (c < '0' || c > '9')) {
                throw new IllegalArgumentException(invalid);
            }
            int start = i;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            boolean pre = i > start;
            String number = s.substring(start, i);
            boolean post = false;
            if (i < s.length() && s.charAt(i) == '.') {
                i++;
                int fraction = i;
                while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                    i++;
                }
                post = i > fraction;
                number = (pre ? number : "0") + "." + (post ? s.substring(fraction, i) : "0");
            }
            if (!pre && !post) {
                throw new IllegalArgumentException(invalid);
            }
            int unitStart = i;
            while (i < s.length() && s.charAt(i) != '.' && (s.charAt(i) < '0' || s.charAt(i) > '9')) {
                i++;
            }
            if (unitStart == i) {
                throw new IllegalArgumentException("time: missing unit in duration " + GoStrings.quote(text));
            }
            String unit = s.substring(unitStart, i);
            BigDecimal scale = UNITS.get(unit);
            if (scale == null) {
                throw new IllegalArgumentException("time: unknown unit " + GoStrings.quote(unit) + " in duration " + GoStrings.quote(text));
            }
            total = total.add(new BigDecimal(number).multiply(scale));
            if (total.compareTo(MAX) > 0) {
                throw new IllegalArgumentException(invalid);
            }
        }
        long nanos = total.longValue();
        return negative ? -nanos : nanos;
    }
}
