package dev.layerlint.image;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * Streams one layer blob (tar, gzip or zstd) into its entries; file contents are skipped, never held, except that
 * large jars are looked into as they pass ({@link JarProbe}).
 */
final class LayerScanner {

    private static final String WHITEOUT_PREFIX = ".wh.";
    private static final String OPAQUE_MARKER = ".wh..wh..opq";
    private static final int BUFFER = 64 * 1024;

    private LayerScanner() {
    }

    /**
     * @param blob     the blob's bytes; read up to the end of the layer tar, not closed
     * @param blobSize the blob's stored size
     * @param jarThreshold files named {@code *.jar} of at least this many bytes are looked into
     */
    static LayerContent scan(InputStream blob, long blobSize, long jarThreshold) throws IOException {
        BufferedInputStream buffered = blob instanceof BufferedInputStream b ? b : new BufferedInputStream(blob, BUFFER);
        Compression compression = Compression.sniff(buffered);
        Entries entries = new Entries(jarThreshold);
        GoTarReader.readWithData(compression.decompress(buffered), (tarEntry, dataOffset, data) -> entries.add(tarEntry, () -> data));
        return new LayerContent(entries.list, entries.size, blobSize, compression, entries.jars);
    }

    /**
     * Scans the blob stored at {@code [offset, offset + length)} of a file: an uncompressed tar's
     * headers are read and its contents seeked over; a compressed blob is streamed. Either way the
     * headers are read as Docker reads them ({@link GoTarReader}).
     */
    static LayerContent scan(FileChannel file, long offset, long length, long jarThreshold) throws IOException {
        Compression compression = Compression.of(RegionInputStream.readAt(file, offset, (int) Math.min(4, length)));
        if (compression != Compression.NONE) {
            return scan(new RegionInputStream(file, offset, length), length, jarThreshold);
        }
        Entries entries = new Entries(jarThreshold);
        GoTarReader.read(new RegionInputStream(file, offset, length), (tarEntry, dataOffset) -> entries.add(tarEntry,
                () -> new BufferedInputStream(new RegionInputStream(file, offset + dataOffset, tarEntry.getSize()), BUFFER)));
        return new LayerContent(entries.list, entries.size, length, Compression.NONE, entries.jars);
    }

    /** Opens an entry's contents; only asked for the files that are looked into. */
    @FunctionalInterface
    private interface Contents {
        InputStream open() throws IOException;
    }

    private static final class Entries {
        private final long jarThreshold;
        private final List<LayerEntry> list = new ArrayList<>();
        private final List<JarLayout> jars = new ArrayList<>();
        private long size;

        Entries(long jarThreshold) {
            this.jarThreshold = jarThreshold;
        }

        void add(TarArchiveEntry tarEntry, Contents contents) throws IOException {
            Optional<LayerEntry> entry = toEntry(tarEntry);
            if (entry.isPresent()) {
                list.add(entry.get());
                if (entry.get() instanceof LayerEntry.File file) {
                    size += file.diskSize();
                    if (JarProbe.wanted(file, jarThreshold)) {
                        jars.add(JarProbe.probe(file, contents.open()));
                    }
                }
            }
        }
    }

    private static Optional<LayerEntry> toEntry(TarArchiveEntry tarEntry) {
        String path = LayerPaths.normalize(tarEntry.getName());
        if (path.equals("/")) {
            return Optional.empty();
        }
        int slash = path.lastIndexOf('/');
        String parent = slash == 0 ? "/" : path.substring(0, slash);
        String name = path.substring(slash + 1);
        if (name.equals(OPAQUE_MARKER)) {
            return Optional.of(new LayerEntry.OpaqueWhiteout(parent));
        }
        if (name.startsWith(WHITEOUT_PREFIX + WHITEOUT_PREFIX)) {
            return Optional.empty(); // aufs bookkeeping (.wh..wh.plnk and friends), not part of the file system
        }
        if (name.startsWith(WHITEOUT_PREFIX)) {
            String deleted = name.substring(WHITEOUT_PREFIX.length());
            return Optional.of(new LayerEntry.Whiteout(parent.equals("/") ? "/" + deleted : parent + "/" + deleted));
        }
        LayerEntry.FileType type;
        Optional<String> linkTarget = Optional.empty();
        if (tarEntry.isDirectory()) {
            type = LayerEntry.FileType.DIRECTORY;
        } else if (tarEntry.isSymbolicLink()) {
            type = LayerEntry.FileType.SYMLINK;
            linkTarget = Optional.of(tarEntry.getLinkName());
        } else if (tarEntry.isLink()) {
            type = LayerEntry.FileType.HARDLINK;
            linkTarget = Optional.of(LayerPaths.normalize(tarEntry.getLinkName()));
        } else if (tarEntry.isCharacterDevice() || tarEntry.isBlockDevice() || tarEntry.isFIFO()) {
            type = LayerEntry.FileType.OTHER;
        } else {
            type = LayerEntry.FileType.REGULAR;
        }
        long size = type == LayerEntry.FileType.REGULAR ? tarEntry.getSize() : 0;
        return Optional.of(new LayerEntry.File(path, type, size, tarEntry.getMode(), linkTarget));
    }
}
