package dev.layerlint.image;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One layer of an image, bottom first.
 *
 * @param index          0-based position, bottom layer first
 * @param diffId         digest of the uncompressed tar ({@code rootfs.diff_ids})
 * @param digest         digest of the stored blob when the source names blobs by digest (OCI layouts, Docker 25+ archives)
 * @param compressedSize size of the stored blob when it is compressed
 * @param size           uncompressed size, the sum of {@link LayerEntry.File#diskSize()} (what {@code docker history}
 *                       reports for the classic builder)
 * @param createdBy      the history entry that made this layer, when the config records one
 * @param entries        every tar entry, in archive order, including whiteouts
 * @param jars           what the jars the reader looked into are (files named {@code *.jar} at or above its
 *                       threshold), in archive order
 */
public record Layer(
        int index,
        String diffId,
        Optional<String> digest,
        OptionalLong compressedSize,
        long size,
        Optional<String> createdBy,
        List<LayerEntry> entries,
        List<JarLayout> jars) {

    public Layer {
        Objects.requireNonNull(diffId, "diffId");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(compressedSize, "compressedSize");
        Objects.requireNonNull(createdBy, "createdBy");
        entries = List.copyOf(entries);
        jars = List.copyOf(jars);
    }

    /** A layer whose jars were not looked into. */
    public Layer(int index, String diffId, Optional<String> digest, OptionalLong compressedSize, long size,
            Optional<String> createdBy, List<LayerEntry> entries) {
        this(index, diffId, digest, compressedSize, size, createdBy, entries, List.of());
    }

    /** Whether the layer changes the file system at all (an empty tar, as {@code RUN true} makes, does not). */
    public boolean hasContent() {
        return !entries.isEmpty();
    }

    /** The files the layer adds or replaces at or below {@code directory}, e.g. {@code /var/lib/apt/lists}. */
    public List<LayerEntry.File> filesUnder(String directory) {
        String normalized = LayerPaths.normalize(directory);
        String prefix = normalized.equals("/") ? "/" : normalized + "/";
        return files().stream()
                .filter(file -> file.path().equals(normalized) || file.path().startsWith(prefix))
                .toList();
    }

    /** The added or replaced files, without whiteouts. */
    public List<LayerEntry.File> files() {
        return entries.stream()
                .filter(LayerEntry.File.class::isInstance)
                .map(LayerEntry.File.class::cast)
                .toList();
    }
}
