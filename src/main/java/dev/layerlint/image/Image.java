package dev.layerlint.image;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * An image as read from a {@link ImageSource}.
 *
 * @param reference      how it was asked for (the configured {@code image})
 * @param id             the image id: the config digest; from the daemon, {@code docker image inspect .Id}
 *                       (the manifest digest on the containerd image store)
 * @param repoTags       the tags the source records (daemon and {@code docker save} archives); may be empty
 * @param size           sum of the layers' {@link Layer#size()}, what {@code docker image inspect .Size} reports
 * @param compressedSize sum of the compressed blob sizes, when every layer blob is stored compressed
 * @param history        the config's history, including entries that made no layer
 */
public record Image(
        String reference,
        String id,
        List<String> repoTags,
        long size,
        OptionalLong compressedSize,
        ImageConfig config,
        List<Layer> layers,
        List<History> history) {

    public Image {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(id, "id");
        repoTags = List.copyOf(repoTags);
        Objects.requireNonNull(compressedSize, "compressedSize");
        Objects.requireNonNull(config, "config");
        layers = List.copyOf(layers);
        history = List.copyOf(history);
    }

    /**
     * How many bottom layers this image shares with {@code base} (same diff ids, in order): the
     * base image's layer count when this image was built {@code FROM base}.
     */
    public int layersSharedWith(Image base) {
        int shared = 0;
        while (shared < layers.size() && shared < base.layers().size()
                && layers.get(shared).diffId().equals(base.layers().get(shared).diffId())) {
            shared++;
        }
        return shared;
    }

    /** The file system a container of this image starts with. */
    public FileSystemView fileSystem() {
        return FileSystemView.of(layers);
    }
}
