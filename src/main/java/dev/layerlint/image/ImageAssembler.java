package dev.layerlint.image;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerlint.text.Plural;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts an {@link Image} together from the files of a layout: a {@code docker save}
 * {@code manifest.json} or an OCI {@code index.json}, the config, the layer blobs.
 */
final class ImageAssembler {

    /** The most names a message lists; past it, it counts the rest. */
    static final int MAX_LISTED = 10;
    /** The most JSON tokens a manifest, index or config may have (real ones have a few thousand). */
    static final int MAX_JSON_TOKENS = 1_000_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern BLOB_PATH = Pattern.compile("blobs/([a-z0-9]+)/([a-f0-9]+)");
    private static final List<String> INDEX_TYPES = List.of(
            "application/vnd.oci.image.index.v1+json",
            "application/vnd.docker.distribution.manifest.list.v2+json");

    private final BlobStore store;
    private final String reference;

    private ImageAssembler(BlobStore store, String reference) {
        this.store = store;
        this.reference = reference;
    }

    /** A {@code docker save} archive: its {@code manifest.json} when present, else its OCI {@code index.json}. */
    static Image fromDockerArchive(BlobStore store, String reference) throws ImageReadException {
        ImageAssembler assembler = new ImageAssembler(store, reference);
        Optional<byte[]> manifest = store.metadata("manifest.json");
        if (manifest.isPresent()) {
            return assembler.fromDockerManifest(manifest.get());
        }
        if (store.metadata("index.json").isPresent()) {
            return assembler.fromOciIndex();
        }
        throw new ImageReadException(store.describe() + ": neither manifest.json nor index.json found; not a docker save archive");
    }

    /** An OCI image layout: {@code index.json}, then the image manifest it selects. */
    static Image fromOciLayout(BlobStore store, String reference) throws ImageReadException {
        ImageAssembler assembler = new ImageAssembler(store, reference);
        if (store.metadata("index.json").isEmpty()) {
            throw new ImageReadException(store.describe() + ": index.json not found; not an OCI image layout");
        }
        return assembler.fromOciIndex();
    }

    private Image fromDockerManifest(byte[] bytes) throws ImageReadException {
        JsonNode manifests = parse("manifest.json", bytes);
        if (!manifests.isArray() || manifests.isEmpty()) {
            throw new ImageReadException(store.describe() + ": manifest.json lists no image");
        }
        JsonNode manifest = manifests.get(0);
        String configPath = requiredText(manifest, "Config", "manifest.json");
        List<BlobRef> layers = new ArrayList<>();
        for (JsonNode layer : manifest.path("Layers")) {
            layers.add(new BlobRef(layer.asText(), digestOf(layer.asText())));
        }
        return assemble(configPath, layers, texts(manifest.path("RepoTags")));
    }

    private Image fromOciIndex() throws ImageReadException {
        JsonNode index = parse("index.json", store.metadata("index.json").orElseThrow());
        JsonNode manifestDescriptor = selectManifest(index, "index.json");
        String manifestPath = blobPath(manifestDescriptor, "index.json");
        JsonNode manifest = parse(manifestPath, store.metadata(manifestPath).orElseThrow());
        String configPath = blobPath(manifest.path("config"), manifestPath);
        List<BlobRef> layers = new ArrayList<>();
        for (JsonNode layer : manifest.path("layers")) {
            layers.add(new BlobRef(blobPath(layer, manifestPath), Optional.of(layer.path("digest").asText())));
        }
        List<String> names = new ArrayList<>();
        for (JsonNode descriptor : index.path("manifests")) {
            JsonNode name = descriptor.path("annotations").path("io.containerd.image.name");
            if (name.isTextual()) {
                names.add(name.asText());
            }
        }
        return assemble(configPath, layers, names);
    }

    /**
     * The image manifest an index leads to, through nested indexes (multi-platform images):
     * attestation manifests are skipped, manifests whose blob the layout lacks are skipped (a
     * containerd-store {@code docker save} keeps only the local platform), and the host's
     * platform is preferred.
     */
    private JsonNode selectManifest(JsonNode index, String indexPath) throws ImageReadException {
        List<JsonNode> present = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        collectManifests(index, indexPath, present, missing, new HashSet<>(), 0);
        if (present.isEmpty()) {
            throw new ImageReadException(store.describe() + ": " + indexPath + " leads to no image manifest the layout holds"
                    + (missing.isEmpty() ? "" : "; missing blobs: " + firstOf(missing)));
        }
        String hostArch = hostArchitecture();
        for (JsonNode descriptor : present) {
            JsonNode platform = descriptor.path("platform");
            if (platform.path("os").asText("linux").equals("linux")
                    && platform.path("architecture").asText(hostArch).equals(hostArch)) {
                return descriptor;
            }
        }
        return present.get(0);
    }

    /** The first {@link #MAX_LISTED} of many names, and how many more there are. */
    static String firstOf(List<String> names) {
        if (names.size() <= MAX_LISTED) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, MAX_LISTED)) + " and " + (names.size() - MAX_LISTED) + " more";
    }

    private void collectManifests(JsonNode index, String indexPath, List<JsonNode> present, List<String> missing,
            Set<String> visitedIndexes, int depth) throws ImageReadException {
        if (depth > 8) {
            throw new ImageReadException(store.describe() + ": indexes nested too deep at " + indexPath);
        }
        for (JsonNode descriptor : index.path("manifests")) {
            if (isAttestation(descriptor)) {
                continue;
            }
            String path = blobPath(descriptor, indexPath);
            Optional<byte[]> blob = store.metadata(path);
            if (blob.isEmpty()) {
                missing.add(descriptor.path("digest").asText());
            } else if (INDEX_TYPES.contains(descriptor.path("mediaType").asText())) {
                // an index named many times is read once: else nested indexes could multiply the work at each level
                if (visitedIndexes.add(path)) {
                    collectManifests(parse(path, blob.get()), path, present, missing, visitedIndexes, depth + 1);
                }
            } else {
                present.add(descriptor);
            }
        }
    }

    private static boolean isAttestation(JsonNode descriptor) {
        return descriptor.path("annotations").path("vnd.docker.reference.type").asText().equals("attestation-manifest")
                || descriptor.path("platform").path("os").asText().equals("unknown");
    }

    private static String hostArchitecture() {
        String arch = System.getProperty("os.arch");
        return switch (arch) {
            case "x86_64", "amd64" -> "amd64";
            case "aarch64" -> "arm64";
            default -> arch;
        };
    }

    private record BlobRef(String path, Optional<String> digest) {
    }

    private Image assemble(String configPath, List<BlobRef> layerRefs, List<String> repoTags) throws ImageReadException {
        byte[] configBytes = store.metadata(configPath).orElseThrow(
                () -> new ImageReadException(store.describe() + ": the image config " + configPath + " is missing"));
        JsonNode configJson = parse(configPath, configBytes);
        ImageConfig config = config(configJson);
        List<History> history = history(configJson.path("history"));

        List<LayerContent> contents = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        ImageEntryBudget entryBudget = new ImageEntryBudget();
        for (BlobRef ref : layerRefs) {
            Optional<LayerContent> content = store.layer(ref.path());
            if (content.isPresent()) {
                try {
                    entryBudget.keep(content.get());
                } catch (IOException e) {
                    throw new ImageReadException(store.describe() + ": " + e.getMessage());
                }
                contents.add(content.get());
            } else {
                missing.add(ref.path());
            }
        }
        if (!missing.isEmpty()) {
            throw new ImageReadException(store.describe() + ": " + missing.size() + " of " + layerRefs.size()
                    + " layer blobs " + Plural.choose(missing.size(), "is", "are") + " missing: " + String.join(", ", missing));
        }
        if (config.diffIds().size() != layerRefs.size()) {
            throw new ImageReadException(store.describe() + ": the config " + configPath + " lists "
                    + Plural.count(config.diffIds().size(), "layer") + " (rootfs.diff_ids) but the manifest " + layerRefs.size());
        }
        List<String> createdBy = history.stream().filter(h -> !h.emptyLayer()).map(History::createdBy).toList();
        boolean historyMatches = createdBy.size() == layerRefs.size();

        List<Layer> layers = new ArrayList<>();
        long size = 0;
        long compressed = 0;
        boolean allCompressed = true;
        for (int i = 0; i < contents.size(); i++) {
            LayerContent content = contents.get(i);
            boolean isCompressed = content.compression() != Compression.NONE;
            allCompressed &= isCompressed;
            compressed += content.blobSize();
            size += content.size();
            layers.add(new Layer(i, config.diffIds().get(i), layerRefs.get(i).digest(),
                    isCompressed ? OptionalLong.of(content.blobSize()) : OptionalLong.empty(),
                    content.size(),
                    historyMatches ? Optional.of(createdBy.get(i)) : Optional.empty(),
                    content.entries(), content.jars()));
        }
        return new Image(reference, sha256(configBytes), repoTags, size,
                allCompressed && !layers.isEmpty() ? OptionalLong.of(compressed) : OptionalLong.empty(),
                config, layers, history);
    }

    static ImageConfig config(JsonNode root) {
        JsonNode c = root.path("config");
        List<String> ports = new ArrayList<>();
        c.path("ExposedPorts").fieldNames().forEachRemaining(ports::add);
        ports.sort(null);
        Map<String, String> labels = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = c.path("Labels").fields();
        fields.forEachRemaining(field -> labels.put(field.getKey(), field.getValue().asText()));
        JsonNode test = c.path("Healthcheck").path("Test");
        return new ImageConfig(
                nonEmptyText(c.path("User")),
                ports,
                test.isArray() && !test.isEmpty() ? Optional.of(new ImageConfig.Healthcheck(texts(test))) : Optional.empty(),
                texts(c.path("Entrypoint")),
                texts(c.path("Cmd")),
                texts(c.path("Env")),
                nonEmptyText(c.path("WorkingDir")),
                labels,
                root.path("os").asText(""),
                root.path("architecture").asText(""),
                texts(root.path("rootfs").path("diff_ids")));
    }

    private static List<History> history(JsonNode entries) {
        List<History> history = new ArrayList<>();
        for (JsonNode entry : entries) {
            history.add(new History(nonEmptyText(entry.path("created")), entry.path("created_by").asText(""),
                    nonEmptyText(entry.path("comment")), entry.path("empty_layer").asBoolean(false)));
        }
        return history;
    }

    private static Optional<String> nonEmptyText(JsonNode node) {
        return node.isTextual() && !node.asText().isEmpty() ? Optional.of(node.asText()) : Optional.empty();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        for (JsonNode item : array) {
            texts.add(item.asText());
        }
        return texts;
    }

    private JsonNode parse(String path, byte[] bytes) throws ImageReadException {
        try {
            if (tooManyTokens(bytes)) {
                throw new ImageReadException(store.describe() + ": " + path + " has more than "
                        + Plural.count(MAX_JSON_TOKENS, "JSON token") + ", more than a manifest or config can have "
                        + "(see docs/limits.md)");
            }
            return JSON.readTree(bytes);
        } catch (IOException e) {
            // Jackson's message quotes the text it stopped at: never echo a file's content (it may be a secret)
            String at = e instanceof JsonProcessingException j && j.getLocation() != null
                    ? " (line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr() + ")" : "";
            throw new ImageReadException(store.describe() + ": " + path + " is not valid JSON" + at, e);
        }
    }

    /**
     * A manifest, index or config of more than {@link #MAX_JSON_TOKENS} tokens is refused before it is read into
     * a tree: a config of ten million {@code []} fits the size limit and would take gigabytes as a tree.
     */
    private static boolean tooManyTokens(byte[] bytes) throws IOException {
        try (JsonParser parser = JSON.getFactory().createParser(bytes)) {
            long tokens = 0;
            while (parser.nextToken() != null) {
                if (++tokens > MAX_JSON_TOKENS) {
                    return true;
                }
            }
            return false;
        }
    }

    private String requiredText(JsonNode node, String field, String path) throws ImageReadException {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw new ImageReadException(store.describe() + ": " + path + " has no " + field);
        }
        return value.asText();
    }

    private String blobPath(JsonNode descriptor, String path) throws ImageReadException {
        String digest = requiredText(descriptor, "digest", path);
        int colon = digest.indexOf(':');
        if (colon <= 0 || digest.indexOf('/') >= 0) {
            throw new ImageReadException(store.describe() + ": " + path + " has a malformed digest '" + digest + "'");
        }
        return "blobs/" + digest.substring(0, colon) + "/" + digest.substring(colon + 1);
    }

    private static Optional<String> digestOf(String archivePath) {
        Matcher matcher = BLOB_PATH.matcher(ArchiveScanner.archivePath(archivePath));
        return matcher.matches() ? Optional.of(matcher.group(1) + ":" + matcher.group(2)) : Optional.empty();
    }

    private static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
