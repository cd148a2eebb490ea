package dev.layerlint.report;

import java.util.Locale;

/** Byte counts for people, in the decimal units {@code docker images} uses (1 MB = 1,000,000 bytes). */
public final class ByteSizes {

    private static final String[] UNITS = {"kB", "MB", "GB", "TB"};

    private ByteSizes() {
    }

    /** {@code 999 B}, {@code 1.5 kB}, {@code 231.4 MB} */
    public static String format(long bytes) {
        if (Math.abs(bytes) < 1000) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = -1;
        while (Math.abs(value) >= 999.95 && unit < UNITS.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }
}
