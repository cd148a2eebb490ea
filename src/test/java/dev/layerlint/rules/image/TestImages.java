package dev.layerlint.rules.image;

import dev.layerlint.dockerfile.Dockerfile;
import dev.layerlint.dockerfile.DockerfileParser;
import dev.layerlint.dockerfile.ParseResult;
import dev.layerlint.image.History;
import dev.layerlint.image.Image;
import dev.layerlint.image.ImageConfig;
import dev.layerlint.image.Layer;
import dev.layerlint.image.LayerEntry;
import dev.layerlint.image.LayerMap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Builds images in memory for image rule tests: a busybox-like base layer, then one layer per
 * RUN/COPY of a BuildKit build, with the history BuildKit writes, so that layers map to lines.
 */
final class TestImages {

    private final List<Layer> layers = new ArrayList<>();
    private final List<History> history = new ArrayList<>();
    private final List<LayerEntry> pending = new ArrayList<>();
    private Optional<String> user = Optional.empty();
    private List<String> exposedPorts = List.of();
    private Optional<ImageConfig.Healthcheck> healthcheck = Optional.empty();
    private List<String> entrypoint = List.of();
    private List<String> cmd = List.of();
    private final Map<String, String> labels = new LinkedHashMap<>();
    private String reference = "registry.example.com/app:1.0.0";
    private List<String> repoTags = List.of();

    TestImages() {
        file("/bin/busybox", 1_000_000, 0755);
        symlink("/bin/sh", "busybox");
        symlink("/bin/wget", "busybox");
        layer("", Optional.of("Imported from -"));
    }

    TestImages file(String path, long size, int mode) {
        pending.add(new LayerEntry.File(path, LayerEntry.FileType.REGULAR, size, mode, Optional.empty()));
        return this;
    }

    TestImages directory(String path) {
        pending.add(new LayerEntry.File(path, LayerEntry.FileType.DIRECTORY, 0, 0755, Optional.empty()));
        return this;
    }

    TestImages symlink(String path, String target) {
        pending.add(new LayerEntry.File(path, LayerEntry.FileType.SYMLINK, 0, 0777, Optional.of(target)));
        return this;
    }

    TestImages hardlink(String path, String target) {
        pending.add(new LayerEntry.File(path, LayerEntry.FileType.HARDLINK, 0, 0755, Optional.of(target)));
        return this;
    }

    TestImages whiteout(String path) {
        pending.add(new LayerEntry.Whiteout(path));
        return this;
    }

    /** Closes a layer made by {@code instruction} (as BuildKit records it, e.g. {@code RUN /bin/sh -c make # buildkit}). */
    TestImages layer(String instruction) {
        return layer(instruction, Optional.of("buildkit.dockerfile.v0"));
    }

    /** Records an instruction that made no layer, e.g. {@code USER 1000}. */
    TestImages config(String instruction) {
        history.add(new History(Optional.empty(), instruction, Optional.of("buildkit.dockerfile.v0"), true));
        return this;
    }

    private TestImages layer(String instruction, Optional<String> comment) {
        int index = layers.size();
        long size = pending.stream().mapToLong(e -> e instanceof LayerEntry.File f ? f.diskSize() : 0).sum();
        layers.add(new Layer(index, "sha256:" + "%064d".formatted(index), Optional.empty(), OptionalLong.empty(), size,
                Optional.of(instruction), pending));
        pending.clear();
        history.add(new History(Optional.empty(), instruction, comment, false));
        return this;
    }

    TestImages user(String value) {
        user = Optional.of(value);
        return this;
    }

    TestImages expose(String... ports) {
        exposedPorts = List.of(ports);
        return this;
    }

    TestImages healthcheck(String... test) {
        healthcheck = Optional.of(new ImageConfig.Healthcheck(List.of(test)));
        return this;
    }

    TestImages entrypoint(String... argv) {
        entrypoint = List.of(argv);
        return this;
    }

    TestImages cmd(String... argv) {
        cmd = List.of(argv);
        return this;
    }

    TestImages label(String key, String value) {
        labels.put(key, value);
        return this;
    }

    TestImages reference(String value, String... tags) {
        reference = value;
        repoTags = List.of(tags);
        return this;
    }

    Image image() {
        ImageConfig config = new ImageConfig(user, exposedPorts, healthcheck, entrypoint, cmd,
                List.of("PATH=/usr/local/bin:/usr/bin:/bin"), Optional.empty(), labels, "linux", "amd64",
                layers.stream().map(Layer::diffId).toList());
        return new Image(reference, "sha256:" + "f".repeat(64), repoTags, layers.stream().mapToLong(Layer::size).sum(),
                OptionalLong.empty(), config, layers, history);
    }

    static Dockerfile dockerfile(String text) {
        return ((ParseResult.Success) DockerfileParser.parse("Dockerfile", text.replace('`', '"'))).dockerfile();
    }

    static LayerMap map(Image image, Dockerfile dockerfile) {
        return LayerMap.align(image, Optional.of(dockerfile), OptionalInt.empty());
    }
}
