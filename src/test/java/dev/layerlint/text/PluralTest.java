package dev.layerlint.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PluralTest {

    @Test
    void oneTakesTheSingularEveryOtherCountThePlural() {
        assertEquals("0 files", Plural.count(0, "file"));
        assertEquals("1 file", Plural.count(1, "file"));
        assertEquals("2 files", Plural.count(2, "file"));
        assertEquals("1 entry", Plural.count(1, "entry", "entries"));
        assertEquals("3 entries", Plural.count(3, "entry", "entries"));
    }

    @Test
    void countsAreGroupedByThousandsInEveryLocale() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            assertEquals("1,234,567 bytes", Plural.count(1_234_567, "byte"));
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void choosesTheWordForTheCount() {
        assertEquals("it", Plural.choose(1, "it", "them"));
        assertEquals("them", Plural.choose(2, "it", "them"));
        assertEquals("are", Plural.choose(0, "is", "are"));
    }
}
