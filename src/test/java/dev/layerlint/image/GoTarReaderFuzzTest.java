package dev.layerlint.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Coverage-guided fuzzing of the layer tar reader ({@link GoTarReader}), streamed and seeking over a file.
 * Property: any bytes give a list of entries or an {@link IOException} with a message, never another exception;
 * both ways give the same entries or the same message; every entry has a path and a size that is not negative.
 * Whether the entries are the ones Go's archive/tar reads was checked outside the build, on this target's
 * corpus (see docs/fuzzing.md). Without {@code JAZZER_FUZZ} the seeds in {@code GoTarReaderFuzzTestInputs/read}
 * run as regression tests.
 */
class GoTarReaderFuzzTest {

    private static Path file;

    @BeforeAll
    static void createFile() throws IOException {
        file = Files.createTempFile("layerlint-fuzz", ".tar");
    }

    @AfterAll
    static void deleteFile() throws IOException {
        Files.deleteIfExists(file);
    }

    @FuzzTest(maxDuration = "1m")
    void read(byte[] input) throws IOException {
        Files.write(file, input);
        String seeked;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            seeked = listing(() -> LayerScanner.scan(channel, 0, input.length, JarLayout.DEFAULT_THRESHOLD));
        }
        assertEquals(seeked, listing(() -> LayerScanner.scan(new ByteArrayInputStream(input), input.length, JarLayout.DEFAULT_THRESHOLD)));
    }

    @FunctionalInterface
    private interface Scan {
        LayerContent scan() throws IOException;
    }

    private static String listing(Scan scan) {
        LayerContent content;
        try {
            content = scan.scan();
        } catch (IOException e) {
            return "error " + Optional.ofNullable(e.getMessage()).orElseThrow();
        }
        List<String> lines = new ArrayList<>();
        for (LayerEntry entry : content.entries()) {
            if (entry instanceof LayerEntry.File f) {
                if (f.path().isEmpty() || f.size() < 0) {
                    throw new AssertionError("entry without a path or with a negative size: " + f);
                }
                lines.add(f.path() + " " + f.type() + " " + f.size());
            } else {
                lines.add(entry.toString());
            }
        }
        return String.join("\n", lines);
    }
}
