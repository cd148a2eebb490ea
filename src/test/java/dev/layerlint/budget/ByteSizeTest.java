package dev.layerlint.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteSizeTest {

    @ParameterizedTest
    @CsvSource({
        "0, 0",
        "123, 123",
        "123B, 123",
        "1kB, 1000",
        "1KB, 1000",
        "500MB, 500000000",
        "1.5GB, 1500000000",
        "' 20 MB ', 20000000",
        "1KiB, 1024",
        "0.5KiB, 512",
        "3MiB, 3145728",
        "2GiB, 2147483648",
        "1.98MB, 1980000",
    })
    void parsesDecimalAndBinaryUnits(String text, long bytes) throws Exception {
        assertEquals(bytes, ByteSize.parse(text, "maxImageSize").bytes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "MB", "12XB", "12mb", "-5MB", "1,5GB", "12 M B", "5%"})
    void rejectsWhatIsNotASizeNamingTheParameter(String text) {
        BudgetException error = assertThrows(BudgetException.class, () -> ByteSize.parse(text, "maxLayerSize"));
        assertEquals("maxLayerSize: '" + text + "' is not a size; write a number and one of B, kB, MB, GB"
                + " (1000-based, as docker images prints them) or KiB, MiB, GiB, e.g. 500MB", error.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
        "0, 0B",
        "999, 999B",
        "1000, 1kB",
        "1980000, 1.98MB",
        "123456789, 123MB",
        "5200000000, 5.2GB",
        "1013607, 1.01MB",
    })
    void printsLikeDockerImages(long bytes, String printed) {
        assertEquals(printed, new ByteSize(bytes).toString());
    }

    @ParameterizedTest
    @CsvSource({"1500000, +1.5MB", "-300000, -300kB", "0, +0B"})
    void printsSignedChanges(long bytes, String printed) {
        assertEquals(printed, new SizeChange(bytes).toString());
    }
}
