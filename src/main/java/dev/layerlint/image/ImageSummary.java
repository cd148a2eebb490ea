package dev.layerlint.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@code image} section of {@code inspect.json}: the image's figures and, per layer, its size,
 * the waste it causes and the Dockerfile line that made it.
 *
 * @param baseLayers             how many bottom layers are the base image's
 * @param wastedBytes            bytes stored in some layer but hidden by a later one
 * @param wastedBytesOutsideBase of those, the bytes stored in layers above the base image
 * @param efficiency             dive's efficiency, 0..1
 * @param notices                why layers could not be mapped to Dockerfile lines, if some could not
 */
public record ImageSummary(
        String reference,
        String id,
        List<String> repoTags,
        long size,
        OptionalLong compressedSize,
        int baseLayers,
        List<LayerSummary> layers,
        long wastedBytes,
        long wastedBytesOutsideBase,
        double efficiency,
        List<String> notices) {

    public ImageSummary {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(id, "id");
        repoTags = List.copyOf(repoTags);
        Objects.requireNonNull(compressedSize, "compressedSize");
        layers = List.copyOf(layers);
        notices = List.copyOf(notices);
    }

    /**
     * @param digest      the layer's diff id (digest of the uncompressed tar), the same from every source
     * @param size        as {@code docker history} reports it
     * @param instruction the Dockerfile line that made the layer, when known
     * @param base        whether the layer is the base image's
     * @param wastedBytes the bytes of lower layers this layer deletes or replaces
     */
    public record LayerSummary(int index, String digest, long size, Optional<String> createdBy,
            Optional<LayerMap.SourceLine> instruction, boolean base, long wastedBytes) {
        public LayerSummary {
            Objects.requireNonNull(digest, "digest");
            Objects.requireNonNull(createdBy, "createdBy");
            Objects.requireNonNull(instruction, "instruction");
        }
    }

    public static ImageSummary of(Image image, LayerMap map) {
        WasteAnalysis waste = WasteAnalysis.of(image.layers());
        List<LayerSummary> layers = new ArrayList<>();
        for (Layer layer : image.layers()) {
            LayerMap.LayerOrigin origin = map.origin(layer.index());
            layers.add(new LayerSummary(layer.index(), layer.diffId(), layer.size(), layer.createdBy(), origin.instruction(),
                    origin.base(), waste.layers().get(layer.index()).causedBytes()));
        }
        return new ImageSummary(image.reference(), image.id(), image.repoTags(), image.size(), image.compressedSize(),
                map.baseLayerCount(), layers, waste.wastedBytes(), waste.wastedBytesOutsideBase(map.baseLayerCount()),
                waste.efficiency(), map.notices());
    }
}
