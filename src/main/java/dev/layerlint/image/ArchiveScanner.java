package dev.layerlint.image;

import dev.layerlint.text.Plural;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * Reads an image tar ({@code docker save} in any flavour, or an OCI layout tar) in one pass. The
 * manifest may come before or after the layers, so every layer blob is scanned into its entries
 * as it passes and kept by its path; the manifest picks them out at the end. Only JSON metadata is
 * held as bytes, never layer contents. A plain tar in a file is walked by its headers, seeking
 * over contents; a stream (the daemon's {@code docker save}) or a compressed tar is read through.
 */
final class ArchiveScanner {

    static final int MAX_METADATA_BYTES = 32 * 1024 * 1024;
    /** The most JSON bytes kept from one archive, all manifests, indexes and configs together. */
    static final long MAX_METADATA_TOTAL = 64L * 1024 * 1024;
    private static final int BUFFER = 64 * 1024;
    private static final int JSON_SNIFF = 512;

    private final String description;
    private final long jarThreshold;
    private final ImageEntryBudget entryBudget;
    private final Map<String, byte[]> metadata = new HashMap<>();
    private long metadataBytes;
    private final Map<String, LayerContent> layers = new HashMap<>();
    private final Map<String, String> links = new HashMap<>();
    private String currentEntry = "(start of archive)";
    private int entries;

    private ArchiveScanner(String description, long jarThreshold, ImageEntryBudget entryBudget) {
        this.description = description;
        this.jarThreshold = jarThreshold;
        this.entryBudget = entryBudget;
    }

    /** The contents of one archive entry, however the archive is being read. */
    private interface Content {
        /** Up to {@code count} first bytes, without consuming them. */
        byte[] head(int count) throws IOException;

        byte[] readAll() throws IOException;

        LayerContent scanLayer(long jarThreshold) throws IOException;
    }

    /** Scans a stream (plain, gzip- or zstd-compressed tar); {@code description} names it in messages. */
    static BlobStore scan(InputStream archive, String description) throws ImageReadException {
        return scan(archive, description, JarLayout.DEFAULT_THRESHOLD);
    }

    /** As {@link #scan(InputStream, String)}, looking into files named {@code *.jar} of at least {@code jarThreshold} bytes. */
    static BlobStore scan(InputStream archive, String description, long jarThreshold) throws ImageReadException {
        return scan(archive, description, jarThreshold, new ImageEntryBudget());
    }

    /** As {@link #scan(InputStream, String, long)}, keeping at most what {@code entryBudget} allows. */
    static BlobStore scan(InputStream archive, String description, long jarThreshold, ImageEntryBudget entryBudget)
            throws ImageReadException {
        ArchiveScanner scanner = new ArchiveScanner(description, jarThreshold, entryBudget);
        try {
            scanner.scanStream(archive);
        } catch (IOException | RuntimeException e) {
            throw scanner.corrupt(e);
        }
        return scanner.result();
    }

    /** Scans an archive file, seeking over layer contents when the file is a plain tar. */
    static BlobStore scan(Path file) throws ImageReadException {
        return scan(file, JarLayout.DEFAULT_THRESHOLD);
    }

    /** As {@link #scan(Path)}, looking into files named {@code *.jar} of at least {@code jarThreshold} bytes. */
    static BlobStore scan(Path file, long jarThreshold) throws ImageReadException {
        ArchiveScanner scanner = new ArchiveScanner(file.toString(), jarThreshold, new ImageEntryBudget());
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = channel.size();
            if (Compression.of(RegionInputStream.readAt(channel, 0, (int) Math.min(4, length))) != Compression.NONE) {
                scanner.scanStream(new RegionInputStream(channel, 0, length));
            } else {
                GoTarReader.read(new RegionInputStream(channel, 0, length),
                        (entry, dataOffset) -> scanner.entry(entry, new FileContent(channel, dataOffset, entry.getSize())));
            }
        } catch (IOException | RuntimeException e) {
            throw scanner.corrupt(e);
        }
        return scanner.result();
    }

    private void scanStream(InputStream archive) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(archive, BUFFER);
        GoTarReader.readWithData(Compression.sniff(buffered).decompress(buffered),
                (entry, dataOffset, data) -> entry(entry, new StreamContent(new BufferedInputStream(data, BUFFER), entry.getSize())));
    }

    private void entry(TarArchiveEntry entry, Content content) throws IOException {
        String path = archivePath(entry.getName());
        currentEntry = path;
        entries++;
        if (entry.isSymbolicLink()) {
            links.put(path, archivePath(parentOf(path) + "/" + entry.getLinkName()));
        } else if (entry.isLink()) {
            links.put(path, archivePath(entry.getLinkName()));
        } else if (entry.isDirectory()) {
            return;
        } else if (isLayerName(path)) {
            layers.put(path, kept(content.scanLayer(jarThreshold)));
        } else if (!path.contains("/") && (path.endsWith(".json") || path.equals("oci-layout"))) {
            keep(path, readSmall(content, entry.getSize(), path));
        } else if (path.startsWith("blobs/")) {
            if (looksLikeJson(content.head(JSON_SNIFF))) {
                keep(path, readSmall(content, entry.getSize(), path));
            } else {
                layers.put(path, kept(content.scanLayer(jarThreshold)));
            }
        }
    }

    private LayerContent kept(LayerContent layer) throws IOException {
        entryBudget.keep(layer);
        return layer;
    }

    private void keep(String path, byte[] json) throws IOException {
        byte[] replaced = metadata.put(path, json);
        metadataBytes += json.length - (replaced == null ? 0 : replaced.length);
        if (metadataBytes > MAX_METADATA_TOTAL) {
            throw new IOException("the archive's JSON entries come to more than " + Plural.count(MAX_METADATA_TOTAL, "byte")
                    + ", more than an image's manifests and configs can (see docs/limits.md)");
        }
    }

    /** {@code <id>/layer.tar} (docker save ≤ 24) or {@code <digest>.tar.gz} (Jib's docker tarball). */
    private static boolean isLayerName(String path) {
        return path.endsWith(".tar") || path.endsWith(".tar.gz") || path.endsWith(".tgz") || path.endsWith(".tar.zst");
    }

    private static boolean looksLikeJson(byte[] head) {
        if (Compression.of(head) != Compression.NONE) {
            return false;
        }
        for (byte b : head) {
            if (b == '{') {
                return true;
            }
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return false;
    }

    private static byte[] readSmall(Content content, long size, String path) throws IOException {
        if (size > MAX_METADATA_BYTES) {
            throw new IOException(path + " is " + size + " bytes, more than a manifest or config can be");
        }
        return content.readAll();
    }

    private ImageReadException corrupt(Exception cause) {
        return new ImageReadException(description + ": truncated or corrupt archive at entry '" + currentEntry + "': "
                + cause.getMessage(), cause);
    }

    /**
     * The archive's files, when it holds a manifest to start from. A stream cut short at an entry boundary ends like a
     * complete tar, so an archive without one is reported as possibly truncated rather than as a wrong format.
     */
    private BlobStore result() throws ImageReadException {
        BlobStore store = new ScannedArchive(description, metadata, layers, links);
        if (store.metadata("manifest.json").isEmpty() && store.metadata("index.json").isEmpty()) {
            throw new ImageReadException(entries == 0
                    ? description + ": holds no tar entries: it is empty or not a tar archive; expected the output of"
                            + " docker save, or an OCI image layout tar"
                    : description + ": ends after " + Plural.count(entries, "entry", "entries") + " without"
                            + " manifest.json or index.json: the archive is truncated (an interrupted docker save or"
                            + " copy?) or is not an image archive; write it again with docker save");
        }
        return store;
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** Archive paths without {@code ./}, leading or trailing slashes: {@code blobs/sha256/ab…}, {@code 3f…/layer.tar}. */
    static String archivePath(String name) {
        return LayerPaths.normalize(name).substring(1);
    }

    private record StreamContent(BufferedInputStream in, long size) implements Content {
        @Override
        public byte[] head(int count) throws IOException {
            in.mark(count);
            byte[] head = in.readNBytes(count);
            in.reset();
            return head;
        }

        @Override
        public byte[] readAll() throws IOException {
            return in.readNBytes((int) size);
        }

        @Override
        public LayerContent scanLayer(long jarThreshold) throws IOException {
            return LayerScanner.scan(in, size, jarThreshold);
        }
    }

    private record FileContent(FileChannel channel, long offset, long size) implements Content {
        @Override
        public byte[] head(int count) throws IOException {
            return RegionInputStream.readAt(channel, offset, (int) Math.min(count, size));
        }

        @Override
        public byte[] readAll() throws IOException {
            return RegionInputStream.readAt(channel, offset, (int) size);
        }

        @Override
        public LayerContent scanLayer(long jarThreshold) throws IOException {
            return LayerScanner.scan(channel, offset, size, jarThreshold);
        }
    }

    private record ScannedArchive(String describe, Map<String, byte[]> metadataByPath,
            Map<String, LayerContent> layersByPath, Map<String, String> links) implements BlobStore {

        @Override
        public Optional<byte[]> metadata(String path) {
            return Optional.ofNullable(metadataByPath.get(follow(path)));
        }

        @Override
        public Optional<LayerContent> layer(String path) {
            return Optional.ofNullable(layersByPath.get(follow(path)));
        }

        private String follow(String path) {
            String current = archivePath(path);
            for (int hops = 0; hops < 40 && links.containsKey(current); hops++) {
                current = links.get(current);
            }
            return current;
        }
    }
}
