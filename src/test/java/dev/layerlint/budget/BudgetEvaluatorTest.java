package dev.layerlint.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.layerlint.image.Image;
import dev.layerlint.image.ImageConfig;
import dev.layerlint.image.Layer;
import dev.layerlint.image.LayerEntry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * An ML-style image: a 1 MB base layer; a layer with a 50 MB model under /opt/models, a 2 MB jar
 * and 500 kB in /tmp; a layer that deletes /tmp/x and chmods the jar (2 MB rewritten).
 */
class BudgetEvaluatorTest {

    static final Image IMAGE = image();

    static Image image() {
        Layer base = layer(0, file("/bin/busybox", 1_000_000));
        Layer app = layer(1, dir("/opt"), dir("/opt/models"), file("/opt/models/m.bin", 50_000_000), dir("/app"),
                file("/app/app.jar", 2_000_000), dir("/tmp"), file("/tmp/x", 500_000));
        Layer cleanup = layer(2, new LayerEntry.Whiteout("/tmp/x"), file("/app/app.jar", 2_000_000));
        ImageConfig config = new ImageConfig(Optional.empty(), List.of(), Optional.empty(), List.of(), List.of(), List.of(),
                Optional.empty(), Map.of(), "linux", "amd64", List.of("sha256:a0b1c20", "sha256:a0b1c21", "sha256:a0b1c22"));
        return new Image("ml:1", "sha256:ff", List.of(), 55_500_000, OptionalLong.empty(), config,
                List.of(base, app, cleanup), List.of());
    }

    private static Layer layer(int index, LayerEntry... entries) {
        long size = 0;
        for (LayerEntry entry : entries) {
            size += entry instanceof LayerEntry.File file ? file.diskSize() : 0;
        }
        return new Layer(index, "sha256:a0b1c2" + index, Optional.empty(), OptionalLong.empty(), size, Optional.empty(),
                List.of(entries));
    }

    private static LayerEntry file(String path, long size) {
        return new LayerEntry.File(path, LayerEntry.FileType.REGULAR, size, 0100644, Optional.empty());
    }

    private static LayerEntry dir(String path) {
        return new LayerEntry.File(path, LayerEntry.FileType.DIRECTORY, 0, 040755, Optional.empty());
    }

    private static final Percent WASTED_PERCENT = Percent.of(2_500_000, 4_500_000);
    private static final Percent EFFICIENCY = new Percent(3_000_000.0 / 5_500_000.0 * 100);

    private static Budget.Builder everyLimit() throws BudgetException {
        return Budget.builder().maxImageSize("5MB").maxLayerSize("2MB").maxLayers("1").maxWastedBytes("3MB")
                .maxWastedPercent("50%").minEfficiency("0.5")
                .excludeLayers(List.of("base")).excludePaths(List.of("/opt/models"));
    }

    @Test
    void countsOnlyTheLayersAndPathsTheServiceControls() throws Exception {
        BudgetEvaluation evaluation = BudgetEvaluator.evaluate(IMAGE, everyLimit().maxGrowth("10%").build(), 1,
                Optional.of(new Baseline("ml:0", 4_000_000, 2, 0, 1.0)));

        assertEquals(List.of(
                new BudgetResult("maxImageSize", new ByteSize(5_000_000), new ByteSize(4_500_000), true),
                new BudgetResult("maxLayerSize", new ByteSize(2_000_000), new ByteSize(2_500_000), false),
                new BudgetResult("maxLayers", new Count(1), new Count(2), false),
                new BudgetResult("maxWastedBytes", new ByteSize(3_000_000), new ByteSize(2_500_000), true),
                new BudgetResult("maxWastedPercent", new Percent(50), WASTED_PERCENT, false),
                new BudgetResult("minEfficiency", new Percent(50), EFFICIENCY, true),
                new BudgetResult("maxGrowth", new Percent(10), new Percent(12.5), false)),
                evaluation.results());
        assertEquals(List.of(), evaluation.notices());
        assertFalse(evaluation.passed());
        assertEquals("55.56%", WASTED_PERCENT.toString());
        assertEquals("54.55%", EFFICIENCY.toString());
        assertEquals(List.of(
                new ImageFigures.LayerFigure(1, new ByteSize(2_500_000), new ByteSize(0), new ByteSize(2_500_000)),
                new ImageFigures.LayerFigure(2, new ByteSize(2_000_000), new ByteSize(2_500_000), new ByteSize(0))),
                evaluation.figures().layers());
    }

    @Test
    void withoutExclusionsEverythingCounts() throws Exception {
        ImageFigures figures = ImageFigures.of(IMAGE, Budget.none(), 1);
        assertEquals(new ByteSize(55_500_000), figures.imageSize());
        assertEquals(3, figures.layersWithContent());
        assertEquals(new ByteSize(2_500_000), figures.wastedBytes());
        assertEquals(new Percent(53_000_000.0 / 55_500_000.0 * 100), figures.efficiency());
    }

    @Test
    void absoluteGrowthAndMissingBaseline() throws Exception {
        Budget budget = Budget.builder().maxGrowth("1MB").excludeLayers(List.of("0")).excludePaths(List.of("/opt/**")).build();
        BudgetEvaluation grown = BudgetEvaluator.evaluate(IMAGE, budget, 1,
                Optional.of(new Baseline("ml:0", 4_000_000, 2, 0, 1.0)));
        assertEquals(List.of(new BudgetResult("maxGrowth", new ByteSize(1_000_000), new SizeChange(500_000), true)),
                grown.results());

        BudgetEvaluation first = BudgetEvaluator.evaluate(IMAGE, budget, 1, Optional.empty());
        assertEquals(List.of(), first.results());
        assertEquals(List.of("maxGrowth: no baseline recorded yet; record one to compare against"), first.notices());
    }

    @Test
    void layersAreExcludedByDigestPrefix() throws Exception {
        Budget budget = Budget.builder().maxImageSize("1GB").excludeLayers(List.of("sha256:a0b1c21")).build();
        assertEquals(new ByteSize(3_000_000), BudgetEvaluator.evaluate(IMAGE, budget, 0, Optional.empty())
                .figures().imageSize());
    }
}
