package dev.layerlint.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WasteAnalysisTest {

    private static LayerEntry file(String path, long size) {
        return new LayerEntry.File(path, LayerEntry.FileType.REGULAR, size, 0100644, Optional.empty());
    }

    private static LayerEntry dir(String path) {
        return new LayerEntry.File(path, LayerEntry.FileType.DIRECTORY, 0, 040755, Optional.empty());
    }

    private static List<Layer> layers(List<List<LayerEntry>> entries) {
        return IntStream.range(0, entries.size())
                .mapToObj(i -> new Layer(i, "sha256:" + i, Optional.empty(), OptionalLong.empty(), 0, Optional.empty(),
                        entries.get(i)))
                .toList();
    }

    @Test
    void aDirectoryOverAFileHidesTheFile() {
        List<Layer> layers = layers(List.of(List.of(file("/x", 100)), List.of(dir("/x"), file("/x/y", 10))));
        WasteAnalysis waste = WasteAnalysis.of(layers);
        assertEquals(100, waste.wastedBytes());
        assertEquals(List.of(new WasteAnalysis.LayerWaste(0, 0, 100), new WasteAnalysis.LayerWaste(1, 100, 0)), waste.layers());
        assertEquals(LayerEntry.FileType.DIRECTORY, FileSystemView.of(layers).get("/x").orElseThrow().file().type());
    }

    @Test
    void aFileOverADirectoryHidesEverythingBelowIt() {
        List<Layer> layers = layers(List.of(List.of(dir("/d"), file("/d/a", 50), file("/d/b", 70)), List.of(file("/d", 5))));
        assertEquals(120, WasteAnalysis.of(layers).wastedBytes());
        FileSystemView fs = FileSystemView.of(layers);
        assertEquals(1, fs.size());
        assertFalse(fs.exists("/d/a"));
    }

    @Test
    void aWhiteoutListedAfterTheNewCopyStillOnlyHidesTheLowerOne() {
        List<Layer> layers = layers(List.of(List.of(file("/f", 100)), List.of(file("/f", 30), new LayerEntry.Whiteout("/f"))));
        WasteAnalysis waste = WasteAnalysis.of(layers);
        assertEquals(100, waste.wastedBytes());
        assertEquals(30, FileSystemView.of(layers).get("/f").orElseThrow().file().size());
        // dive: /f has copies 100, 30 and the whiteout's 0
        assertEquals(0.0, waste.efficiency());
    }

    @Test
    void twoCopiesInOneLayerWasteTheFirst() {
        WasteAnalysis waste = WasteAnalysis.of(layers(List.of(List.of(file("/f", 10), file("/f", 20)))));
        assertEquals(List.of(new WasteAnalysis.LayerWaste(0, 10, 10)), waste.layers());
    }

    @Test
    void deletingADirectoryWastesItsFilesButKeepsDivesEfficiency() {
        WasteAnalysis waste = WasteAnalysis.of(layers(List.of(
                List.of(dir("/d"), file("/d/a", 100), file("/keep", 100)),
                List.of(new LayerEntry.Whiteout("/d")))));
        assertEquals(100, waste.wastedBytes());
        assertEquals(1.0, waste.efficiency());
        assertEquals(List.of(new WasteAnalysis.WastedPath("/d/a", 100, 1)), waste.topWastedPaths());
    }

    @Test
    void excludedPathsCountNowhere() {
        List<Layer> layers = layers(List.of(
                List.of(file("/models/m", 1000), file("/app/a", 10)),
                List.of(new LayerEntry.Whiteout("/models/m"), new LayerEntry.Whiteout("/app/a"))));
        WasteAnalysis waste = WasteAnalysis.of(layers, path -> !path.startsWith("/models/"));
        assertEquals(10, waste.wastedBytes());
        assertEquals(0.0, waste.efficiency());
        assertEquals(10, waste.wastedBytesOutsideBase(0));
        assertEquals(0, waste.wastedBytesOutsideBase(1));
        assertEquals(50.0, waste.wastedPercentOf(20));
    }

    @Test
    void anEmptyImageIsPerfectlyEfficient() {
        WasteAnalysis waste = WasteAnalysis.of(List.of());
        assertEquals(0, waste.wastedBytes());
        assertEquals(1.0, waste.efficiency());
        assertEquals(0.0, waste.wastedPercentOf(0));
    }
}
