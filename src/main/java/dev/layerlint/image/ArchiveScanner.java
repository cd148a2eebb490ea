package dev.layerlint.image;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads an image tar ({@code docker save} in any flavour, or an OCI layout tar) in one pass. The
 * manifest may come before or after the layers, so every layer blob is streamed into its entries
 * as it passes and kept by its path; the manifest picks them out at the end. Only JSON metadata is
 * held as bytes, never layer contents.
 */
final class ArchiveScanner {

    static final int MAX_METADATA_BYTES = 32 * 1024 * 1024;
    private static final int BUFFER = 64 * 1024;

    private ArchiveScanner() {
    }

    /** Scans {@code archive} (plain, gzip- or zstd-compressed tar); {@code description} names it in messages. */
    static BlobStore scan(InputStream archive, String description) throws ImageReadException {
        Map<String, byte[]> metadata = new HashMap<>();
        Map<String, LayerContent> layers = new HashMap<>();
        Map<String, String> links = new HashMap<>();
        String current = "(start of archive)";
        try {
            BufferedInputStream buffered = new BufferedInputStream(archive, BUFFER);
            TarArchiveInputStream tar = new TarArchiveInputStream(Compression.sniff(buffered).decompress(buffered));
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String path = archivePath(entry.getName());
                current = path;
                if (entry.isSymbolicLink()) {
                    links.put(path, archivePath(parentOf(path) + "/" + entry.getLinkName()));
                } else if (entry.isLink()) {
                    links.put(path, archivePath(entry.getLinkName()));
                } else if (!entry.isDirectory()) {
                    readFile(tar, entry, path, metadata, layers);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new ImageReadException(description + ": truncated or corrupt archive at entry '" + current + "': "
                    + e.getMessage(), e);
        }
        return new ScannedArchive(description, metadata, layers, links);
    }

    private static void readFile(TarArchiveInputStream tar, TarArchiveEntry entry, String path,
            Map<String, byte[]> metadata, Map<String, LayerContent> layers) throws IOException {
        if (path.endsWith("layer.tar")) {
            layers.put(path, LayerScanner.scan(tar, entry.getSize()));
        } else if (!path.contains("/") && (path.endsWith(".json") || path.equals("oci-layout"))) {
            metadata.put(path, readSmall(tar, entry, path));
        } else if (path.startsWith("blobs/")) {
            BufferedInputStream blob = new BufferedInputStream(tar, BUFFER);
            if (looksLikeJson(blob)) {
                metadata.put(path, readSmall(blob, entry, path));
            } else {
                layers.put(path, LayerScanner.scan(blob, entry.getSize()));
            }
        }
    }

    private static boolean looksLikeJson(BufferedInputStream blob) throws IOException {
        if (Compression.sniff(blob) != Compression.NONE) {
            return false;
        }
        blob.mark(512);
        byte[] head = blob.readNBytes(512);
        blob.reset();
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

    private static byte[] readSmall(InputStream in, TarArchiveEntry entry, String path) throws IOException {
        if (entry.getSize() > MAX_METADATA_BYTES) {
            throw new IOException(path + " is " + entry.getSize() + " bytes, more than a manifest or config can be");
        }
        return in.readNBytes((int) entry.getSize());
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** Archive paths without {@code ./}, leading or trailing slashes: {@code blobs/sha256/ab…}, {@code 3f…/layer.tar}. */
    static String archivePath(String name) {
        return LayerPaths.normalize(name).substring(1);
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
