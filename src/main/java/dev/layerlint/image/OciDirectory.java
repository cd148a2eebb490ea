package dev.layerlint.image;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * An OCI image layout on disk; layer blobs are streamed from their files when asked for.
 *
 * @param jarThreshold files named {@code *.jar} of at least this many bytes are looked into
 */
record OciDirectory(Path directory, long jarThreshold) implements BlobStore {

    @Override
    public String describe() {
        return directory.toString();
    }

    @Override
    public Optional<byte[]> metadata(String path) throws ImageReadException {
        Path file = directory.resolve(path);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            long size = Files.size(file);
            if (size > ArchiveScanner.MAX_METADATA_BYTES) {
                throw new ImageReadException(file + ": " + size + " bytes, more than a manifest or config can be");
            }
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ImageReadException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<LayerContent> layer(String path) throws ImageReadException {
        Path file = directory.resolve(path);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return Optional.of(LayerScanner.scan(channel, 0, channel.size(), jarThreshold));
        } catch (IOException | RuntimeException e) {
            throw new ImageReadException(file + ": truncated or corrupt layer blob: " + e.getMessage(), e);
        }
    }
}
