package dev.layerlint.image;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Space an image stores but a container never sees.
 *
 * <p>Data is counted once, where a layer's tar stores it: a hard link is another name for data
 * stored under a first name (in its own layer or a lower one), and counts no bytes itself.
 *
 * <p>{@code wastedBytes}: bytes of regular files stored in some layer that no name of the final file
 * system reaches, because later layers deleted (whiteout, opaque whiteout) or replaced (including a
 * {@code chmod}/{@code chown} that rewrites the file) every name leading to them. Data that a hard
 * link still reaches is not wasted, even when its first name is gone. Each unreachable copy counts
 * once; data that stays reachable never counts.
 *
 * <p>{@code efficiency}, dive's score: for every path, the smallest of its copies across the layers
 * over the sum of all its copies, summed over paths; 1 when the image stores nothing. A whiteout is a
 * copy of size 0, or, when it deletes a directory, a copy the size of the data that leaves with that
 * directory (dive's accounting); opaque whiteouts and hard links are no copies. Stored data is a copy
 * of the name through which it stays reachable longest: its own path, else the name that still
 * reaches it in the final file system (the first in path order), else the name whose removal made
 * it unreachable. Without hard links that is dive's score exactly; with them it departs from dive's
 * (which counts a hard link as 0 bytes at its own path and its data at the first name, so deleting or
 * replacing the first name looks like waste to dive) so that removing a name whose data another name
 * still shows costs no efficiency, as it wastes no bytes.
 *
 * @param wastedBytes    total unreachable bytes
 * @param layers         per layer, bottom first
 * @param efficiency     the efficiency score, 0..1
 * @param topWastedPaths the paths with most unreachable bytes (the name each copy was stored under), largest first
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
     * @param causedBytes  bytes of lower copies this layer makes unreachable: the waste it causes
     * @param hiddenBytes  bytes this layer stores that later layers make unreachable
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
                if (entry instanceof LayerEntry.File file && (file.type() == LayerEntry.FileType.SYMLINK
                        || file.type() == LayerEntry.FileType.OTHER) && counted.test(file.path())) {
                    accounting.copy(file.path(), 0);
                }
            }
        }
        FileSystemView view = FileSystemView.apply(layers, accounting);
        accounting.reachable(view);
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

        private boolean countsAsData(FileSystemView.VisibleFile data) {
            return data.file().isRegular() && counted.test(data.file().path());
        }

        @Override
        public void unreachable(FileSystemView.VisibleFile data, String lastName, int byLayer) {
            if (!countsAsData(data)) {
                return;
            }
            LayerEntry.File entry = data.file();
            caused[byLayer] += entry.size();
            hidden[data.layerIndex()] += entry.size();
            copy(lastName, entry.size());
            wastedByPath.merge(entry.path(), new WastedPath(entry.path(), entry.size(), 1),
                    (a, b) -> new WastedPath(a.path(), a.bytes() + b.bytes(), a.copies() + b.copies()));
        }

        @Override
        public void whiteout(String path, boolean directory, int byLayer, List<FileSystemView.VisibleFile> unreachable) {
            if (!counted.test(path)) {
                return;
            }
            long size = 0;
            if (directory) {
                for (FileSystemView.VisibleFile data : unreachable) {
                    if (countsAsData(data)) {
                        size += data.file().size();
                    }
                }
            }
            copy(path, size);
        }

        /** Counts the data the final file system still reaches as a copy of the name that reaches it. */
        void reachable(FileSystemView view) {
            Set<FileSystemView.VisibleFile> linkedElsewhere = Collections.newSetFromMap(new IdentityHashMap<>());
            for (FileSystemView.VisibleFile name : view.files()) {
                FileSystemView.VisibleFile data = name.data();
                if (!countsAsData(data)) {
                    continue;
                }
                if (name.linked().isEmpty()) {
                    copy(name.file().path(), data.file().size()); // the data under its own path
                } else if (view.get(data.file().path()).filter(own -> own == data).isEmpty() && linkedElsewhere.add(data)) {
                    copy(name.file().path(), data.file().size()); // its own path is gone: the first name still leading there
                }
            }
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
