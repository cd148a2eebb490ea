package dev.layerlint.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class BudgetParametersTest {

    @Test
    void unsetAndBlankParametersLeaveLimitsUnset() throws Exception {
        Budget budget = Budget.builder().maxImageSize(null).maxLayers(" ").minEfficiency("").excludeLayers(null).build();
        assertEquals(Budget.none(), budget);
        assertEquals(Optional.empty(), budget.maxImageSize());
        assertEquals(OptionalLong.empty(), budget.maxLayers());
    }

    @Test
    void parsesEveryParameter() throws Exception {
        Budget budget = Budget.builder()
                .maxImageSize("90MB").maxLayerSize("40MiB").maxLayers("12").maxWastedBytes("1MB")
                .maxWastedPercent("5%").minEfficiency("0.95").maxGrowth("5%")
                .excludeLayers(List.of("base,7", "sha256:4f2a")).excludePaths(List.of("/opt/models", "**/*.onnx"))
                .build();
        assertEquals(Optional.of(new ByteSize(90_000_000)), budget.maxImageSize());
        assertEquals(Optional.of(new ByteSize(40L * 1024 * 1024)), budget.maxLayerSize());
        assertEquals(OptionalLong.of(12), budget.maxLayers());
        assertEquals(Optional.of(new ByteSize(1_000_000)), budget.maxWastedBytes());
        assertEquals(Optional.of(new Percent(5)), budget.maxWastedPercent());
        assertEquals(95.0, budget.minEfficiency().orElseThrow().value(), 1e-9);
        assertEquals(Optional.of(new Growth.Relative(new Percent(5))), budget.maxGrowth());
        assertEquals(List.of(new LayerSelector.BaseLayers(), new LayerSelector.IndexRange(7, 7),
                new LayerSelector.DigestPrefix("sha256:4f2a")), budget.excludeLayers());
        assertEquals(List.of("/opt/models", "/**/*.onnx"), budget.excludePaths().stream().map(PathPattern::pattern).toList());
    }

    @Test
    void growthIsRelativeOrAbsolute() throws Exception {
        assertEquals(new Growth.Absolute(new ByteSize(20_000_000)), Growth.parse("20MB", "maxGrowth"));
        assertEquals(new Growth.Relative(new Percent(150)), Growth.parse("150%", "maxGrowth"));
        BudgetException error = assertThrows(BudgetException.class, () -> Growth.parse("lots", "maxGrowth"));
        assertEquals("maxGrowth: 'lots' is neither a percentage (5%) nor a size (20MB)", error.getMessage());
    }

    @Test
    void efficiencyIsAFractionOrAPercentageWithOrWithoutTheSign() throws Exception {
        assertEquals(new Percent(90), Percent.parseFractionOrPercent("90%", "minEfficiency"));
        assertEquals(new Percent(95), Percent.parseFractionOrPercent("95", "minEfficiency"));
        assertEquals(new Percent(50), Percent.parseFractionOrPercent("0.5", "minEfficiency"));
        assertEquals(new Percent(100), Percent.parseFractionOrPercent("1", "minEfficiency"));
        assertEquals(new Percent(1.5), Percent.parseFractionOrPercent("1.5", "minEfficiency"));
        assertEquals("minEfficiency: '95 %s' is not a percentage such as 95% or 95, or a fraction such as 0.95",
                assertThrows(BudgetException.class, () -> Budget.builder().minEfficiency("95 %s")).getMessage());
        assertEquals("minEfficiency: '120%' is more than 100%",
                assertThrows(BudgetException.class, () -> Budget.builder().minEfficiency("120%")).getMessage());
        assertEquals("minEfficiency: '120' is more than 100%",
                assertThrows(BudgetException.class, () -> Budget.builder().minEfficiency("120")).getMessage());
    }

    @Test
    void badValuesNameTheirParameter() {
        assertEquals("maxLayers: 'ten' is not a number of layers",
                assertThrows(BudgetException.class, () -> Budget.builder().maxLayers("ten")).getMessage());
        assertEquals("maxWastedPercent: '150%' is more than 100%",
                assertThrows(BudgetException.class, () -> Budget.builder().maxWastedPercent("150%")).getMessage());
        assertEquals("maxWastedPercent: 'some' is not a percentage, e.g. 10% or 10",
                assertThrows(BudgetException.class, () -> Budget.builder().maxWastedPercent("some")).getMessage());
        assertEquals("excludeLayers: 'top' names no layer; write base, an index (3), a range (0-4) or a digest prefix (sha256:4f2a…)",
                assertThrows(BudgetException.class, () -> Budget.builder().excludeLayers(List.of("top"))).getMessage());
        assertEquals("excludeLayers: '5-2' is an empty range",
                assertThrows(BudgetException.class, () -> Budget.builder().excludeLayers(List.of("5-2"))).getMessage());
        assertTrue(assertThrows(BudgetException.class, () -> Budget.builder().maxImageSize("big"))
                .getMessage().startsWith("maxImageSize: 'big' is not a size"));
    }

    @Test
    void pathPatternsMatchThemselvesAndBelow() throws Exception {
        PathPattern models = PathPattern.parse("opt/models/", "excludePaths");
        assertTrue(models.matches("/opt/models"));
        assertTrue(models.matches("/opt/models/bert/weights.bin"));
        assertFalse(models.matches("/opt/models2"));
        PathPattern onnx = PathPattern.parse("/srv/**/*.onnx", "excludePaths");
        assertTrue(onnx.matches("/srv/a/b/model.onnx"));
        assertTrue(onnx.matches("/srv/model.onnx"));
        assertFalse(onnx.matches("/srv/model.txt"));
        PathPattern oneLevel = PathPattern.parse("/data/*/cache", "excludePaths");
        assertTrue(oneLevel.matches("/data/x/cache/file"));
        assertFalse(oneLevel.matches("/data/x/y/cache"));
    }
}
