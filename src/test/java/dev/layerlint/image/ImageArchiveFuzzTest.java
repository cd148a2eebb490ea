package dev.layerlint.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Coverage-guided fuzzing of the image archive reader, both ways it reads: streamed (the daemon's
 * {@code docker save} pipe, compressed archives) and from a file by seeking over tar headers. Any
 * bytes give an {@link Image} or an {@link ImageReadException} with a message, never another
 * exception; when both ways read an image they read the same one. The analyses {@code inspect} runs
 * on an image must not fail either. Without {@code JAZZER_FUZZ} the archives in
 * {@code ImageArchiveFuzzTestInputs/read} (written by {@link ArchiveFuzzSeeds}) run as regression tests.
 */
class ImageArchiveFuzzTest {

    private static Path archive;

    @BeforeAll
    static void createArchiveFile() throws IOException {
        archive = Files.createTempFile("layerlint-fuzz", ".tar");
    }

    @AfterAll
    static void deleteArchiveFile() throws IOException {
        Files.deleteIfExists(archive);
    }

    @FuzzTest(maxDuration = "1m")
    void read(byte[] input) throws IOException {
        Optional<Image> streamed = readOrReject(() -> ImageReader.readDockerArchive(new ByteArrayInputStream(input), "fuzz.tar"));
        Files.write(archive, input);
        Optional<Image> seeked = readOrReject(
                () -> ImageAssembler.fromDockerArchive(ArchiveScanner.scan(archive), "fuzz.tar"));
        if (streamed.isPresent() && seeked.isPresent()) {
            assertEquals(streamed.get().layers(), seeked.get().layers());
            assertEquals(streamed.get().config(), seeked.get().config());
        }
        streamed.ifPresent(image -> {
            FileSystemView.of(image.layers()).files();
            WasteAnalysis.of(image.layers());
        });
    }

    private interface ArchiveRead {
        Image read() throws ImageReadException;
    }

    private static Optional<Image> readOrReject(ArchiveRead read) {
        try {
            return Optional.of(read.read());
        } catch (ImageReadException e) {
            assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "a rejection says why");
            return Optional.empty();
        }
    }
}
