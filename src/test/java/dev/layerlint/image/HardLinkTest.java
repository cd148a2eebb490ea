package dev.layerlint.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Hard links in and across layers. A tar stores hard-linked data once, under the first name, and
 * each further name as a link to it; the figures below are worked out by hand from that.
 */
class HardLinkTest {

    private static final int SCRIPT = 40_000;

    private static LayerEntry file(String path, long size) {
        return new LayerEntry.File(path, LayerEntry.FileType.REGULAR, size, 0100755, Optional.empty());
    }

    private static LayerEntry link(String path, String target) {
        return new LayerEntry.File(path, LayerEntry.FileType.HARDLINK, 0, 0100755, Optional.of(target));
    }

    private static LayerEntry symlink(String path, String target) {
        return new LayerEntry.File(path, LayerEntry.FileType.SYMLINK, 0, 0120777, Optional.of(target));
    }

    private static LayerEntry whiteout(String path) {
        return new LayerEntry.Whiteout(path);
    }

    @SafeVarargs
    private static List<Layer> layers(List<LayerEntry>... entries) {
        return IntStream.range(0, entries.length)
                .mapToObj(i -> new Layer(i, "sha256:" + i, Optional.empty(), OptionalLong.empty(), 0, Optional.empty(),
                        entries[i]))
                .toList();
    }

    private static List<WasteAnalysis.LayerWaste> perLayer(long... causedThenHidden) {
        return IntStream.range(0, causedThenHidden.length / 2)
                .mapToObj(i -> new WasteAnalysis.LayerWaste(i, causedThenHidden[2 * i], causedThenHidden[2 * i + 1]))
                .toList();
    }

    /** Layer 0: /hl/a.sh (40,000 bytes) and /hl/b.sh linked to it. */
    private static List<LayerEntry> pair() {
        return List.of(file("/hl/a.sh", SCRIPT), link("/hl/b.sh", "/hl/a.sh"));
    }

    @Test
    void deletingTheFirstNameWastesNothingWhileTheSecondShowsTheData() {
        List<Layer> layers = layers(pair(), List.of(whiteout("/hl/a.sh")));
        WasteAnalysis waste = WasteAnalysis.of(layers);
        assertEquals(0, waste.wastedBytes());
        assertEquals(perLayer(0, 0, 0, 0), waste.layers());
        assertEquals(List.of(), waste.topWastedPaths());
        // /hl/a.sh: the whiteout's 0 only; /hl/b.sh: the 40,000 bytes it keeps reachable -> 40,000 / 40,000
        assertEquals(1.0, waste.efficiency());

        FileSystemView view = FileSystemView.of(layers);
        assertFalse(view.exists("/hl/a.sh"));
        FileSystemView.VisibleFile b = view.resolve("/hl/b.sh").orElseThrow();
        assertEquals(new LayerEntry.File("/hl/a.sh", LayerEntry.FileType.REGULAR, SCRIPT, 0100755, Optional.empty()), b.file());
        assertEquals(0, b.layerIndex());
        assertTrue(view.isExecutable("/hl/b.sh"));
        assertEquals(LayerEntry.FileType.HARDLINK, view.get("/hl/b.sh").orElseThrow().file().type());
    }

    @Test
    void deletingBothNamesWastesTheDataOnce() {
        WasteAnalysis waste = WasteAnalysis.of(layers(pair(), List.of(whiteout("/hl/a.sh"), whiteout("/hl/b.sh"))));
        assertEquals(SCRIPT, waste.wastedBytes());
        assertEquals(perLayer(0, SCRIPT, SCRIPT, 0), waste.layers());
        assertEquals(List.of(new WasteAnalysis.WastedPath("/hl/a.sh", SCRIPT, 1)), waste.topWastedPaths());
        // /hl/a.sh: whiteout 0; /hl/b.sh, the last name: 40,000 and its whiteout's 0 -> 0 / 40,000
        assertEquals(0.0, waste.efficiency());
    }

    @Test
    void deletingTheDirectoryOfBothNamesWastesTheDataOnce() {
        WasteAnalysis waste = WasteAnalysis.of(layers(
                List.of(new LayerEntry.File("/hl", LayerEntry.FileType.DIRECTORY, 0, 040755, Optional.empty()),
                        file("/hl/a.sh", SCRIPT), link("/hl/b.sh", "/hl/a.sh")),
                List.of(whiteout("/hl"))));
        assertEquals(SCRIPT, waste.wastedBytes());
        assertEquals(perLayer(0, SCRIPT, SCRIPT, 0), waste.layers());
        // dive's accounting of a deleted directory: /hl's whiteout is a 40,000-byte copy, /hl/b.sh holds 40,000
        assertEquals(1.0, waste.efficiency());
    }

    @Test
    void replacingTheFirstNameLeavesTheOldDataToTheSecond() {
        List<Layer> layers = layers(pair(), List.of(file("/hl/a.sh", 100)));
        WasteAnalysis waste = WasteAnalysis.of(layers);
        assertEquals(0, waste.wastedBytes());
        assertEquals(perLayer(0, 0, 0, 0), waste.layers());
        // /hl/a.sh: the new 100 bytes; /hl/b.sh: the 40,000 bytes of layer 0
        assertEquals(1.0, waste.efficiency());

        FileSystemView view = FileSystemView.of(layers);
        assertEquals(SCRIPT, view.resolve("/hl/b.sh").orElseThrow().file().size());
        assertEquals(100, view.resolve("/hl/a.sh").orElseThrow().file().size());
    }

    @Test
    void replacingBothNamesWastesTheOldData() {
        WasteAnalysis waste = WasteAnalysis.of(layers(pair(), List.of(file("/hl/a.sh", 100), file("/hl/b.sh", 200))));
        assertEquals(SCRIPT, waste.wastedBytes());
        assertEquals(perLayer(0, SCRIPT, SCRIPT, 0), waste.layers());
        // /hl/a.sh: 100 (the old 40,000 went with /hl/b.sh); /hl/b.sh: 40,000 and 200 -> (100 + 200) / 40,300
        assertEquals(300.0 / 40_300, waste.efficiency());
    }

    @Test
    void aLinkToALowerLayersFileKeepsItWhenItsNameIsDeleted() {
        // RUN ln /hl/a.sh /hl/c.sh, as a tar that names only the new link
        List<Layer> layers = layers(List.of(file("/hl/a.sh", SCRIPT)), List.of(link("/hl/c.sh", "/hl/a.sh")),
                List.of(whiteout("/hl/a.sh")));
        WasteAnalysis waste = WasteAnalysis.of(layers);
        assertEquals(0, waste.wastedBytes());
        assertEquals(perLayer(0, 0, 0, 0, 0, 0), waste.layers());
        assertEquals(1.0, waste.efficiency());
        FileSystemView.VisibleFile c = FileSystemView.of(layers).resolve("/hl/c.sh").orElseThrow();
        assertEquals(0, c.layerIndex());
        assertEquals(SCRIPT, c.file().size());
    }

    @Test
    void aLinkToALowerLayersFileCopiedUpWastesTheLowerCopyOnly() {
        // RUN ln /hl/a.sh /hl/c.sh on overlayfs: the layer stores the copied-up /hl/a.sh and /hl/c.sh linked to it
        List<Layer> layers = layers(List.of(file("/hl/a.sh", SCRIPT)),
                List.of(file("/hl/a.sh", SCRIPT), link("/hl/c.sh", "/hl/a.sh")),
                List.of(whiteout("/hl/a.sh")));
        WasteAnalysis waste = WasteAnalysis.of(layers);
        assertEquals(SCRIPT, waste.wastedBytes());
        assertEquals(perLayer(0, SCRIPT, SCRIPT, 0, 0, 0), waste.layers());
        assertEquals(List.of(new WasteAnalysis.WastedPath("/hl/a.sh", SCRIPT, 1)), waste.topWastedPaths());
        // /hl/a.sh: layer 0's 40,000 and the whiteout's 0; /hl/c.sh: layer 1's 40,000 -> 40,000 / 80,000
        assertEquals(0.5, waste.efficiency());
        assertEquals(1, FileSystemView.of(layers).resolve("/hl/c.sh").orElseThrow().layerIndex());
    }

    @Test
    void aLinkReachesTheDataNotTheName() {
        // the link follows the data it was made to, not whatever /hl/a.sh names later
        List<Layer> layers = layers(pair(), List.of(whiteout("/hl/a.sh")), List.of(file("/hl/a.sh", 7)));
        FileSystemView view = FileSystemView.of(layers);
        assertEquals(SCRIPT, view.resolve("/hl/b.sh").orElseThrow().file().size());
        assertEquals(0, WasteAnalysis.of(layers).wastedBytes());
    }

    @Test
    void aLinkToALinkSharesTheFirstData() {
        List<Layer> layers = layers(List.of(file("/a", 10), link("/b", "/a"), link("/c", "/b")),
                List.of(whiteout("/a"), whiteout("/b")));
        assertEquals(0, WasteAnalysis.of(layers).wastedBytes());
        assertEquals(10, FileSystemView.of(layers).resolve("/c").orElseThrow().file().size());
    }

    @Test
    void aLinkToASymbolicLinkIsThatSymbolicLink() {
        List<Layer> layers = layers(List.of(file("/bin/busybox", 1000), symlink("/bin/sh", "busybox"),
                link("/bin/ash", "/bin/sh")));
        assertEquals("/bin/busybox", FileSystemView.of(layers).resolve("/bin/ash").orElseThrow().file().path());
    }

    @Test
    void aLinkToNothingLeadsNowhere() {
        List<Layer> layers = layers(List.of(link("/dangling", "/absent")));
        FileSystemView view = FileSystemView.of(layers);
        assertFalse(view.exists("/dangling"));
        assertFalse(view.isExecutable("/dangling"));
        assertEquals(new WasteAnalysis(0, perLayer(0, 0), 1.0, List.of()), WasteAnalysis.of(layers));
    }
}
