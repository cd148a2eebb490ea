package dev.layerlint.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {

    @TempDir
    Path dir;

    @Test
    void recordsTheCountedFiguresAndReadsThemBack() throws Exception {
        ImageFigures figures = ImageFigures.of(BudgetEvaluatorTest.IMAGE, Budget.none(), 1);
        Baseline baseline = Baseline.of("ml:1", figures);
        Path file = dir.resolve("sub").resolve(Baseline.DEFAULT_FILE);
        baseline.write(file);

        assertEquals("""
                {
                  "image" : "ml:1",
                  "size" : 55500000,
                  "layers" : 3,
                  "wastedBytes" : 2500000,
                  "efficiency" : %s
                }
                """.formatted(53_000_000.0 / 55_500_000.0 * 100 / 100), Files.readString(file));
        assertEquals(Optional.of(baseline), Baseline.read(file));
    }

    @Test
    void noFileIsNoBaseline() throws Exception {
        assertEquals(Optional.empty(), Baseline.read(dir.resolve(Baseline.DEFAULT_FILE)));
    }

    @Test
    void aBrokenFileIsNamedWithItsLine() throws Exception {
        Path file = dir.resolve(Baseline.DEFAULT_FILE);
        Files.writeString(file, "{\n  \"image\": \"a\",\n  \"size\": \"big\"\n}\n");
        BudgetException error = assertThrows(BudgetException.class, () -> Baseline.read(file));
        assertEquals(file + ": not a layerlint baseline (line 3): Cannot deserialize value of type `long` from String \"big\":"
                + " not a valid `long` value", error.getMessage());
    }
}
