package dev.layerlint.image;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Space an image stores but a container never sees.
 *
 * <p>{@code wastedBytes}: bytes of regular files stored in some layer but not visible in the final
 * file system because a later layer deleted them (whiteout, opaque whiteout) or replaced them
 * (including a {@code chmod}/{@code chown} that rewrites the file). Each hidden copy counts once;
 * the visible copy never counts.
 *
 * <p>{@code efficiency}, as dive computes it: for every path, the smallest of its copies across the
 * layers over the sum of all its copies, summed over paths; 1 when the image stores nothing. A
 * whiteout is a copy of size 0, or, when it deletes a directory, a copy the size of everything
 * below that directory (dive's accounting); opaque whiteouts are no copies.
 *
 * @param wastedBytes    total hidden bytes
 * @param layers         per layer, bottom first
 * @param efficiency     dive's efficiency score, 0..1
 * @param topWastedPaths the paths with most hidden bytes, largest first
 */
public record WasteAnalysis(long wastedBytes, List<LayerWaste> layers, double efficiency, List<WastedPath> topWastedPaths) {

    /** How many paths {@link #topWastedPaths()} keeps. */
    public static final int TOP_PATHS = 20;

    public WasteAnalysis {
        layers = List.copyOf(layers);
        topWastedPaths = List.copyOf(topWastedPaths);
    }

    /**
     * @param index        the layer's index
     * @param causedBytes  bytes of lower copies this layer deletes or replaces: the waste it causes
     * @param hiddenBytes  bytes this layer stores that later layers delete or replace
     */
    public record LayerWaste(int index, long causedBytes, long hiddenBytes) {
    }

    /** A path whose hidden copies waste {@code bytes} in {@code copies} copies. */
    public record WastedPath(String path, long bytes, int copies) {
    }

    public static WasteAnalysis of(List<Layer> layers) {
        return of(layers, path -> true);
    }

    /** Analyses {@code layers}, counting only the paths {@code counted} accepts (budgets' {@code excludePaths}). */
    public static WasteAnalysis of(List<Layer> layers, Predicate<String> counted) {
        Accounting accounting = new Accounting(layers.size(), counted);
        for (Layer layer : layers) {
            for (LayerEntry entry : layer.entries()) {
                if (entry instanceof LayerEntry.File file && file.type() != LayerEntry.FileType.DIRECTORY
                        && counted.test(file.path())) {
                    accounting.copy(file.path(), file.size());
                }
            }
        }
        FileSystemView.apply(layers, accounting);
        return accounting.result();
    }

    /** Hidden bytes stored in the layers above the base image's {@code baseLayerCount} layers. */
    public long wastedBytesOutsideBase(int baseLayerCount) {
        return layers.stream().filter(layer -> layer.index() >= baseLayerCount).mapToLong(LayerWaste::hiddenBytes).sum();
    }

    /** {@code wastedBytes} as a percentage of {@code imageSize}; 0 for an empty image. */
    public double wastedPercentOf(long imageSize) {
        return imageSize == 0 ? 0 : 100.0 * wastedBytes / imageSize;
    }

    private static final class Accounting implements FileSystemView.ChangeListener {
        private final Predicate<String> counted;
        private final long[] caused;
        private final long[] hidden;
        private final Map<String, long[]> copiesByPath = new HashMap<>(); // {sum, smallest}
        private final Map<String, WastedPath> wastedByPath = new HashMap<>();

        Accounting(int layerCount, Predicate<String> counted) {
            this.counted = counted;
            this.caused = new long[layerCount];
            this.hidden = new long[layerCount];
        }

        void copy(String path, long size) {
            long[] copies = copiesByPath.computeIfAbsent(path, p -> new long[] {0, Long.MAX_VALUE});
            copies[0] += size;
            copies[1] = Math.min(copies[1], size);
        }

        @Override
        public void hidden(FileSystemView.VisibleFile file, int byLayer) {
            LayerEntry.File entry = file.file();
            if (!entry.isRegular() || !counted.test(entry.path())) {
                return;
            }
            caused[byLayer] += entry.size();
            hidden[file.layerIndex()] += entry.size();
            wastedByPath.merge(entry.path(), new WastedPath(entry.path(), entry.size(), 1),
                    (a, b) -> new WastedPath(a.path(), a.bytes() + b.bytes(), a.copies() + b.copies()));
        }

        @Override
        public void whiteout(String path, int byLayer, List<FileSystemView.VisibleFile> removed) {
            if (!counted.test(path)) {
                return;
            }
            boolean directory = !removed.isEmpty() && removed.get(0).file().path().equals(path)
                    && removed.get(0).file().type() == LayerEntry.FileType.DIRECTORY;
            long size = 0;
            if (directory) {
                for (FileSystemView.VisibleFile below : removed) {
                    if (below.file().isRegular() && counted.test(below.file().path())) {
                        size += below.file().size();
                    }
                }
            }
            copy(path, size);
        }

        WasteAnalysis result() {
            List<LayerWaste> perLayer = new ArrayList<>();
            long total = 0;
            for (int i = 0; i < caused.length; i++) {
                perLayer.add(new LayerWaste(i, caused[i], hidden[i]));
                total += caused[i];
            }
            long smallest = 0;
            long all = 0;
            for (long[] copies : copiesByPath.values()) {
                all += copies[0];
                smallest += copies[1];
            }
            List<WastedPath> top = wastedByPath.values().stream()
                    .sorted(Comparator.comparingLong(WastedPath::bytes).reversed().thenComparing(WastedPath::path))
                    .limit(TOP_PATHS)
                    .toList();
            return new WasteAnalysis(total, perLayer, all == 0 ? 1.0 : (double) smallest / all, top);
        }
    }
}
