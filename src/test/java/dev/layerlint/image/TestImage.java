package dev.layerlint.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** An image made of {@link LayerTar}s, written in every layout the reader accepts. */
final class TestImage {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    private static final byte[] OCI_LAYOUT = "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8);

    private final List<byte[]> tars = new ArrayList<>();
    private final List<String> createdBy = new ArrayList<>();
    private final ObjectNode containerConfig = JSON.createObjectNode();

    TestImage layer(String instruction, LayerTar layer) {
        tars.add(layer.tar());
        createdBy.add(instruction);
        return this;
    }

    ObjectNode containerConfig() {
        return containerConfig;
    }

    byte[] config() {
        ObjectNode config = JSON.createObjectNode();
        config.put("architecture", "amd64");
        config.put("os", "linux");
        config.set("config", containerConfig);
        ObjectNode rootfs = config.putObject("rootfs");
        rootfs.put("type", "layers");
        ArrayNode diffIds = rootfs.putArray("diff_ids");
        tars.forEach(tar -> diffIds.add(digest(tar)));
        ArrayNode history = config.putArray("history");
        for (String instruction : createdBy) {
            history.addObject().put("created_by", instruction);
        }
        history.addObject().put("created_by", "/bin/sh -c #(nop)  CMD [\"sh\"]").put("empty_layer", true);
        return bytes(config);
    }

    List<byte[]> tars() {
        return tars;
    }

    /** docker save up to Docker 24: {@code <id>/layer.tar} folders, {@code <config>.json}, manifest first or last. */
    void writeLegacyDockerSave(Path archive, boolean manifestLast) {
        byte[] config = config();
        String configName = hex(config) + ".json";
        Map<String, byte[]> files = new LinkedHashMap<>();
        Map<String, String> symlinks = new LinkedHashMap<>();
        List<String> layerPaths = new ArrayList<>();
        for (int i = 0; i < tars.size(); i++) {
            String folder = hex(("layer" + i).getBytes(StandardCharsets.UTF_8));
            files.put(folder + "/VERSION", "1.0".getBytes(StandardCharsets.UTF_8));
            files.put(folder + "/json", "{}".getBytes(StandardCharsets.UTF_8));
            int first = firstIndexOf(tars.get(i));
            if (first < i) {
                // as Docker does for a layer identical to an earlier one
                symlinks.put(folder + "/layer.tar", "../" + layerPaths.get(first));
            } else {
                files.put(folder + "/layer.tar", tars.get(i));
            }
            layerPaths.add(folder + "/layer.tar");
        }
        files.put(configName, config);
        byte[] manifest = dockerManifest(configName, layerPaths);
        Map<String, byte[]> ordered = new LinkedHashMap<>();
        if (!manifestLast) {
            ordered.put("manifest.json", manifest);
        }
        ordered.putAll(files);
        if (manifestLast) {
            ordered.put("manifest.json", manifest);
        }
        writeTar(archive, ordered, symlinks);
    }

    private int firstIndexOf(byte[] tar) {
        for (int i = 0; i < tars.size(); i++) {
            if (Arrays.equals(tars.get(i), tar)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not a layer of this image");
    }

    /** Jib's docker tarball ({@code jib:buildTar}): {@code config.json}, {@code <digest>.tar.gz} layers, manifest last. */
    void writeJibDockerTarball(Path archive) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("config.json", config());
        List<String> layerPaths = new ArrayList<>();
        for (byte[] tar : tars) {
            byte[] blob = LayerTar.gzip(tar);
            files.put(hex(blob) + ".tar.gz", blob);
            layerPaths.add(hex(blob) + ".tar.gz");
        }
        files.put("manifest.json", dockerManifest("config.json", layerPaths));
        writeTar(archive, files);
    }

    /** docker save from Docker 25: an OCI layout with uncompressed blobs plus {@code manifest.json}. */
    void writeDocker25Save(Path archive) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("oci-layout", OCI_LAYOUT);
        byte[] manifest = ociManifest(tar -> tar, files);
        files.put(blobPath(manifest), manifest);
        files.put("index.json", index(List.of(descriptor(OCI_MANIFEST, manifest, null))));
        List<String> layerPaths = tars.stream().map(TestImage::blobPath).toList();
        files.put("manifest.json", dockerManifest(blobPath(config()), layerPaths));
        writeTar(archive, files);
    }

    /**
     * docker save from the containerd image store: compressed blobs, an index of two platforms of
     * which only amd64's blobs are present; {@code manifest.json} lists only when asked.
     */
    void writeContainerdSave(Path archive, List<Function<byte[], byte[]>> compressors, boolean withDockerManifest) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("oci-layout", OCI_LAYOUT);
        List<byte[]> blobs = new ArrayList<>();
        for (int i = 0; i < tars.size(); i++) {
            blobs.add(compressors.get(i).apply(tars.get(i)));
        }
        byte[] manifest = manifestOf(blobs, files);
        files.put(blobPath(manifest), manifest);
        ObjectNode amd64 = descriptor(OCI_MANIFEST, manifest, "amd64");
        ObjectNode arm64 = descriptor(OCI_MANIFEST, "absent arm64 manifest".getBytes(StandardCharsets.UTF_8), "arm64");
        byte[] platforms = index(List.of(arm64, amd64));
        files.put(blobPath(platforms), platforms);
        ObjectNode top = descriptor(OCI_INDEX, platforms, null);
        top.putObject("annotations").put("io.containerd.image.name", "docker.io/library/app:1.0");
        files.put("index.json", index(List.of(top)));
        if (withDockerManifest) {
            files.put("manifest.json", dockerManifest(blobPath(config()),
                    blobs.stream().map(TestImage::blobPath).toList()));
        }
        writeTar(archive, files);
    }

    /** An OCI image layout directory with gzip-compressed layers. */
    void writeOciDirectory(Path directory) {
        Map<String, byte[]> files = ociLayoutFiles();
        try {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path target = directory.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same layout as {@link #writeOciDirectory}, in a tar with {@code index.json} last. */
    void writeOciArchive(Path archive) {
        writeTar(archive, ociLayoutFiles());
    }

    private Map<String, byte[]> ociLayoutFiles() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("oci-layout", OCI_LAYOUT);
        byte[] manifest = ociManifest(LayerTar::gzip, files);
        files.put(blobPath(manifest), manifest);
        files.put("index.json", index(List.of(descriptor(OCI_MANIFEST, manifest, null))));
        return files;
    }

    private byte[] ociManifest(Function<byte[], byte[]> compressor, Map<String, byte[]> files) {
        List<byte[]> blobs = tars.stream().map(compressor).toList();
        return manifestOf(blobs, files);
    }

    private byte[] manifestOf(List<byte[]> blobs, Map<String, byte[]> files) {
        byte[] config = config();
        files.put(blobPath(config), config);
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", OCI_MANIFEST);
        manifest.set("config", descriptor("application/vnd.oci.image.config.v1+json", config, null));
        ArrayNode layers = manifest.putArray("layers");
        for (byte[] blob : blobs) {
            files.put(blobPath(blob), blob);
            layers.add(descriptor("application/vnd.oci.image.layer.v1.tar", blob, null));
        }
        return bytes(manifest);
    }

    private static byte[] dockerManifest(String configPath, List<String> layerPaths) {
        ArrayNode manifest = JSON.createArrayNode();
        ObjectNode image = manifest.addObject();
        image.put("Config", configPath);
        image.putArray("RepoTags").add("app:1.0");
        ArrayNode layers = image.putArray("Layers");
        layerPaths.forEach(layers::add);
        return bytes(manifest);
    }

    private static byte[] index(List<ObjectNode> manifests) {
        ObjectNode index = JSON.createObjectNode();
        index.put("schemaVersion", 2);
        index.put("mediaType", OCI_INDEX);
        ArrayNode list = index.putArray("manifests");
        manifests.forEach(list::add);
        return bytes(index);
    }

    static ObjectNode descriptor(String mediaType, byte[] blob, String architecture) {
        ObjectNode descriptor = JSON.createObjectNode();
        descriptor.put("mediaType", mediaType);
        descriptor.put("digest", digest(blob));
        descriptor.put("size", blob.length);
        if (architecture != null) {
            descriptor.putObject("platform").put("os", "linux").put("architecture", architecture);
        }
        return descriptor;
    }

    static void writeTar(Path archive, Map<String, byte[]> files) {
        writeTar(archive, files, Map.of());
    }

    static void writeTar(Path archive, Map<String, byte[]> files, Map<String, String> symlinks) {
        try (OutputStream out = Files.newOutputStream(archive); TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
                entry.setSize(file.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(file.getValue());
                tar.closeArchiveEntry();
            }
            for (Map.Entry<String, String> symlink : symlinks.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(symlink.getKey(), TarArchiveEntry.LF_SYMLINK);
                entry.setLinkName(symlink.getValue());
                tar.putArchiveEntry(entry);
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String blobPath(byte[] blob) {
        return "blobs/sha256/" + hex(blob);
    }

    static String digest(byte[] blob) {
        return "sha256:" + hex(blob);
    }

    static String hex(byte[] blob) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(blob));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(Object json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
