package dev.layerlint.report;

import java.util.Locale;
import java.util.Optional;

/** How serious a finding is; ordered from most to least serious. */
public enum Severity {
    ERROR,
    WARNING,
    INFO;

    /** The lower-case name used in reports and configuration ({@code error}, {@code warning}, {@code info}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this severity is at least as serious as {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return compareTo(threshold) <= 0;
    }

    /** Parses {@code error}, {@code warning} or {@code info}, in any case. */
    public static Optional<Severity> parse(String text) {
        for (Severity s : values()) {
            if (s.id().equalsIgnoreCase(text.trim())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
