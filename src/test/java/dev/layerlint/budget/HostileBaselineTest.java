package dev.layerlint.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.layerlint.rules.HadolintConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Configuration files that are FIFOs or devices once hung the build or exhausted its memory. */
class HostileBaselineTest {

    private static final String NOT_REGULAR = ": is not a regular file but a FIFO, socket or device: layerlint reads only "
            + "regular files here";

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void baselineFifoIsRefused() throws Exception {
        Path fifo = dir.resolve("layerlint-baseline.json");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is not available");
        BudgetException e = assertThrows(BudgetException.class, () -> Baseline.read(fifo));
        assertEquals(fifo + NOT_REGULAR, e.getMessage());
    }

    @Test
    void baselineOverTheLimitIsRefused() throws Exception {
        Path file = Files.write(dir.resolve("layerlint-baseline.json"), new byte[(int) Baseline.MAX_FILE_BYTES + 1]);
        BudgetException e = assertThrows(BudgetException.class, () -> Baseline.read(file));
        assertEquals(file + ": is larger than 1,048,576 bytes, the most layerlint reads for such a file (see docs/limits.md)",
                e.getMessage());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void hadolintConfigurationFifoIsRefused() throws Exception {
        Path fifo = dir.resolve(".hadolint.yaml");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is not available");
        HadolintConfig.InvalidException e = assertThrows(HadolintConfig.InvalidException.class, () -> HadolintConfig.read(fifo));
        assertEquals(fifo + NOT_REGULAR, e.getMessage());
    }

    /** Was an OutOfMemoryError. */
    @Test
    void hadolintConfigurationLinkedToDevZeroIsRefused() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve(".hadolint.yaml"), Path.of("/dev/zero"));
        HadolintConfig.InvalidException e = assertThrows(HadolintConfig.InvalidException.class, () -> HadolintConfig.read(link));
        assertEquals(link + NOT_REGULAR, e.getMessage());
    }
}
