package dev.layerlint.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Layers each within their own bound can still add up past what one image may keep: the scan stops there. */
class ImageEntryBudgetTest {

    @TempDir
    Path directory;

    private Path archiveOfThreeLayers() throws Exception {
        Path archive = directory.resolve("image.tar");
        new TestImage()
                .layer("RUN a", new LayerTar().file("a1", 1).file("a2", 1).file("a3", 1))
                .layer("RUN b", new LayerTar().file("b1", 1).file("b2", 1).file("b3", 1))
                .layer("RUN c", new LayerTar().file("c1", 1).file("c2", 1).file("c3", 1))
                .writeLegacyDockerSave(archive, false);
        return archive;
    }

    @Test
    void anArchiveWhoseLayersTogetherHoldTooManyEntriesIsRefusedWhileItIsRead() throws Exception {
        Path archive = archiveOfThreeLayers();
        ImageReadException refused;
        try (InputStream in = Files.newInputStream(archive)) {
            refused = assertThrows(ImageReadException.class, () -> ArchiveScanner.scan(in, "image.tar", JarLayout.DEFAULT_THRESHOLD,
                    new ImageEntryBudget(5)));
        }
        assertTrue(refused.getMessage().startsWith("image.tar"), refused.getMessage());
        assertTrue(refused.getMessage().contains("its layers hold more than 5 entries together, the most layerlint reads for one "
                + "image (see docs/limits.md)"), refused.getMessage());

        // within the budget, the same archive is read whole
        try (InputStream in = Files.newInputStream(archive)) {
            Image image = ImageAssembler.fromDockerArchive(ArchiveScanner.scan(in, "image.tar", JarLayout.DEFAULT_THRESHOLD,
                    new ImageEntryBudget(9)), "image.tar");
            assertEquals(3, image.layers().size());
        }
    }

    @Test
    void theCountIsOverAllLayers() throws Exception {
        ImageEntryBudget budget = new ImageEntryBudget(4);
        LayerContent two = new LayerContent(java.util.List.of(
                new LayerEntry.File("/a", LayerEntry.FileType.REGULAR, 1, 0100644, java.util.Optional.empty()),
                new LayerEntry.File("/b", LayerEntry.FileType.REGULAR, 1, 0100644, java.util.Optional.empty())),
                2, 2, Compression.NONE, java.util.List.of());
        budget.keep(two);
        budget.keep(two);
        assertEquals("its layers hold more than 4 entries together, the most layerlint reads for one image (see docs/limits.md)",
                assertThrows(java.io.IOException.class, () -> budget.keep(two)).getMessage());
    }
}
