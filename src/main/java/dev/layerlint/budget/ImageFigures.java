package dev.layerlint.budget;

import dev.layerlint.image.Image;
import dev.layerlint.image.Layer;
import dev.layerlint.image.LayerEntry;
import dev.layerlint.image.WasteAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The figures budgets limit, for the layers and paths a budget counts (everything but
 * {@code excludeLayers} and {@code excludePaths}).
 *
 * @param imageSize         sum of the counted layers' sizes
 * @param layers            the counted layers, bottom first
 * @param layersWithContent counted layers that change the file system
 * @param wastedBytes       hidden bytes stored in counted layers
 * @param wastedPercent     {@code wastedBytes} of {@code imageSize}
 * @param efficiency        dive's efficiency over the counted paths (all layers take part: a copy is a copy)
 */
public record ImageFigures(
        ByteSize imageSize,
        List<LayerFigure> layers,
        long layersWithContent,
        ByteSize wastedBytes,
        Percent wastedPercent,
        Percent efficiency) {

    public ImageFigures {
        Objects.requireNonNull(imageSize, "imageSize");
        layers = List.copyOf(layers);
        Objects.requireNonNull(wastedBytes, "wastedBytes");
        Objects.requireNonNull(wastedPercent, "wastedPercent");
        Objects.requireNonNull(efficiency, "efficiency");
    }

    /**
     * One counted layer.
     *
     * @param size        its counted size, as {@code docker history} reports it
     * @param causedBytes the counted waste it causes by deleting or replacing lower files
     * @param hiddenBytes its counted bytes that later layers hide
     */
    public record LayerFigure(int index, ByteSize size, ByteSize causedBytes, ByteSize hiddenBytes) {
    }

    /**
     * @param baseLayerCount how many bottom layers the base image contributed, for {@code excludeLayers} {@code base}
     */
    public static ImageFigures of(Image image, Budget budget, int baseLayerCount) {
        Predicate<String> countedPath = path -> budget.excludePaths().stream().noneMatch(pattern -> pattern.matches(path));
        WasteAnalysis waste = WasteAnalysis.of(image.layers(), countedPath);
        List<LayerFigure> layers = new ArrayList<>();
        long size = 0;
        long wasted = 0;
        long withContent = 0;
        for (Layer layer : image.layers()) {
            if (budget.excludeLayers().stream().anyMatch(selector -> selector.matches(layer, baseLayerCount))) {
                continue;
            }
            long layerSize = 0;
            boolean content = false;
            for (LayerEntry entry : layer.entries()) {
                if (countedPath.test(entry.path())) {
                    content = true;
                    if (entry instanceof LayerEntry.File file) {
                        layerSize += file.diskSize();
                    }
                }
            }
            WasteAnalysis.LayerWaste layerWaste = waste.layers().get(layer.index());
            layers.add(new LayerFigure(layer.index(), new ByteSize(layerSize), new ByteSize(layerWaste.causedBytes()),
                    new ByteSize(layerWaste.hiddenBytes())));
            size += layerSize;
            wasted += layerWaste.hiddenBytes();
            withContent += content ? 1 : 0;
        }
        return new ImageFigures(new ByteSize(size), layers, withContent, new ByteSize(wasted), Percent.of(wasted, size),
                new Percent(waste.efficiency() * 100));
    }
}
