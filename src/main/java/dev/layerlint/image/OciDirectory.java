package dev.layerlint.image;

import dev.layerlint.text.InputFiles;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OCI image layout on disk; layer blobs are streamed from their files when asked for.
 *
 * @param jarThreshold files named {@code *.jar} of at least this many bytes are looked into
 */
record OciDirectory(Path directory, long jarThreshold) implements BlobStore {

    private static final Pattern SHA256_BLOB = Pattern.compile("blobs/sha256/([0-9a-f]{64})");

    @Override
    public String describe() {
        return directory.toString();
    }

    @Override
    public Optional<byte[]> metadata(String path) throws ImageReadException {
        Optional<Path> found = inside(path);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Path file = found.get();
        try {
            long size = Files.size(file);
            if (size > ArchiveScanner.MAX_METADATA_BYTES) {
                throw new ImageReadException(file + ": " + size + " bytes, more than a manifest or config can be");
            }
            byte[] bytes = InputFiles.read(file, ArchiveScanner.MAX_METADATA_BYTES);
            checkDigest(path, bytes);
            return Optional.of(bytes);
        } catch (IOException e) {
            throw new ImageReadException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * A {@code blobs/sha256/HEX} blob must hash to its name: a manifest or config changed after the image was
     * written (tampered, or corrupt on disk) is refused. Costs one SHA-256 over at most a few kilobytes.
     */
    private void checkDigest(String path, byte[] bytes) throws ImageReadException {
        Matcher blob = SHA256_BLOB.matcher(path);
        if (blob.matches()) {
            MessageDigest sha256 = sha256();
            sha256.update(bytes);
            compare(path, blob.group(1), sha256);
        }
    }

    /**
     * The same for a layer blob, read once more from its file: about a second per gigabyte of layers
     * (see docs/limits.md), which is what noticing a corrupt or tampered layer costs.
     */
    private static boolean layerDigestMatches(String path, FileChannel channel) throws IOException {
        Matcher blob = SHA256_BLOB.matcher(path);
        if (!blob.matches()) {
            return true;
        }
        MessageDigest sha256 = sha256();
        ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
        long position = 0;
        int read;
        while ((read = channel.read(buffer, position)) > 0) {
            buffer.flip();
            sha256.update(buffer);
            buffer.clear();
            position += read;
        }
        return HexFormat.of().formatHex(sha256.digest()).equals(blob.group(1));
    }

    private void compare(String path, String expected, MessageDigest sha256) throws ImageReadException {
        String actual = HexFormat.of().formatHex(sha256.digest());
        if (!actual.equals(expected)) {
            throw new ImageReadException(describe() + ": " + path + " does not match its digest (its content hashes to sha256:"
                    + actual + "): the layout is corrupt or was changed after it was written; write it again");
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public Optional<LayerContent> layer(String path) throws ImageReadException {
        Optional<Path> found = inside(path);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Path file = found.get();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            LayerContent content = LayerScanner.scan(channel, 0, channel.size(), jarThreshold);
            if (!layerDigestMatches(path, channel)) {
                throw new ImageReadException(describe() + ": " + path + " does not match its digest: the layout is corrupt "
                        + "or was changed after it was written; write it again");
            }
            return Optional.of(content);
        } catch (IOException | RuntimeException e) {
            throw new ImageReadException(file + ": truncated or corrupt layer blob: " + e.getMessage(), e);
        }
    }

    /**
     * The regular file at {@code path} in the layout, empty when there is none. A path that leads out of the
     * layout, itself or through a symbolic link, is refused: a blob linked to a host file
     * ({@code ~/.git-credentials}) must not be read, let alone shown.
     */
    private Optional<Path> inside(String path) throws ImageReadException {
        Path root = directory.toAbsolutePath().normalize();
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root)) {
            throw new ImageReadException(describe() + ": " + path + " lies outside the image layout: layerlint does not read it");
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            if (!file.toRealPath().startsWith(root.toRealPath())) {
                throw new ImageReadException(describe() + ": " + path + " is a symbolic link out of the image layout: "
                        + "layerlint does not follow it");
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }
}
