package dev.layerlint.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.layerlint.budget.PathPattern;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Image layouts built to leak host files, flood messages or hang matching. */
class HostileImageTest {

    private static final String SECRET = "https://builder:ghp_s3cr3tT0ken@github.com";

    @TempDir
    Path dir;

    private final ImageReader reader = new ImageReader(DockerCli.onPath());

    private Path configBlob(Path layout) throws Exception {
        try (Stream<Path> blobs = Files.list(layout.resolve("blobs/sha256"))) {
            for (Path blob : blobs.toList()) {
                if (Files.readString(blob, StandardCharsets.ISO_8859_1).contains("\"rootfs\"")) {
                    return blob;
                }
            }
        }
        throw new AssertionError("no config blob in " + layout);
    }

    /** Was a leak: the config blob, a link to ~/.git-credentials, was read and part of it shown in the failure. */
    @Test
    void configLinkedToAHostFileIsNotFollowed() throws Exception {
        Path layout = dir.resolve("oci");
        SampleImage.image().writeOciDirectory(layout);
        Path secret = Files.writeString(dir.resolve("git-credentials"), SECRET + "\n");
        Path config = configBlob(layout);
        Files.delete(config);
        Files.createSymbolicLink(config, secret);
        ImageReadException e = assertThrows(ImageReadException.class, () -> reader.read(new ImageSource.OciLayout(layout)));
        assertEquals(layout + ": blobs/sha256/" + config.getFileName() + " is a symbolic link out of the image layout: "
                + "layerlint does not follow it", e.getMessage());
    }

    /** Was read without a word: a config whose content does not hash to its name. */
    @Test
    void configThatDoesNotMatchItsDigestIsRefused() throws Exception {
        Path layout = dir.resolve("oci");
        SampleImage.image().writeOciDirectory(layout);
        Path config = configBlob(layout);
        Files.writeString(config, Files.readString(config).replace("\"rootfs\"", "\"rootfs\" "));
        ImageReadException e = assertThrows(ImageReadException.class, () -> reader.read(new ImageSource.OciLayout(layout)));
        String digest = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(config)));
        assertEquals(layout + ": blobs/sha256/" + config.getFileName() + " does not match its digest (its content hashes to "
                + "sha256:" + digest + "): the layout is corrupt or was changed after it was written; write it again",
                e.getMessage());
    }

    /** A JSON error used to quote the text where parsing stopped: the file's content. */
    @Test
    void invalidJsonIsNotQuoted() throws Exception {
        Path layout = dir.resolve("oci");
        SampleImage.image().writeOciDirectory(layout);
        Files.writeString(layout.resolve("index.json"), SECRET + "\n");
        ImageReadException e = assertThrows(ImageReadException.class, () -> reader.read(new ImageSource.OciLayout(layout)));
        assertFalse(e.getMessage().contains("ghp_"), e.getMessage());
        assertEquals(layout + ": index.json is not valid JSON (line 1, column 7)", e.getMessage());
    }

    /** Was one error line of 730,000 characters. */
    @Test
    void tenThousandMissingManifestsAreCountedNotListed() throws Exception {
        Path layout = Files.createDirectories(dir.resolve("oci"));
        Files.writeString(layout.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        StringBuilder index = new StringBuilder("{\"schemaVersion\":2,\"manifests\":[");
        for (int i = 0; i < 10_000; i++) {
            index.append(i == 0 ? "" : ",").append("{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",")
                    .append("\"size\":1,\"digest\":\"sha256:").append(String.format("%064x", i)).append("\"}");
        }
        Files.writeString(layout.resolve("index.json"), index.append("]}"));
        ImageReadException e = assertThrows(ImageReadException.class, () -> reader.read(new ImageSource.OciLayout(layout)));
        assertTrue(e.getMessage().endsWith(String.format("sha256:%064x and 9990 more", 9)), e.getMessage());
        assertTrue(e.getMessage().length() < 1_000, e.getMessage());
    }

    /** Was a hang: excludePaths compiled to a backtracking java.util.regex pattern. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void backtrackingExcludePathMatchesInLinearTime() throws Exception {
        PathPattern pattern = PathPattern.parse("**/".repeat(20) + "*a".repeat(30) + "*b", "excludePaths");
        String path = "/" + "a/".repeat(100) + "a".repeat(200);
        assertFalse(pattern.matches(path));
        assertTrue(pattern.matches("/x/" + "a".repeat(30) + "b"));
    }

    /** Was an OutOfMemoryError: ten million {@code []} under the size limit make gigabytes as a JSON tree. */
    @Test
    void jsonOfMillionsOfNodesIsRefused() throws Exception {
        Path layout = dir.resolve("oci");
        SampleImage.image().writeOciDirectory(layout);
        Files.writeString(layout.resolve("index.json"), "{\"manifests\":[" + "[],".repeat(600_000) + "[]]}");
        ImageReadException e = assertThrows(ImageReadException.class, () -> reader.read(new ImageSource.OciLayout(layout)));
        assertEquals(layout + ": index.json has more than 1,000,000 JSON tokens, more than a manifest or config can have "
                + "(see docs/limits.md)", e.getMessage());
    }

    /** Was an OutOfMemoryError: many JSON-looking entries, each under the size limit, all kept in memory. */
    @Test
    void jsonEntriesPastTheArchiveTotalAreRefused() throws Exception {
        Path archive = dir.resolve("bomb.tar");
        byte[] json = new byte[20 * 1024 * 1024];
        java.util.Arrays.fill(json, (byte) ' ');
        json[0] = '{';
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(Files.newOutputStream(archive))) {
            for (int i = 0; i < 4; i++) {
                var entry = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("blobs/sha256/" + String.format("%064x", i));
                entry.setSize(json.length);
                tar.putArchiveEntry(entry);
                tar.write(json);
                tar.closeArchiveEntry();
            }
        }
        ImageReadException e = assertThrows(ImageReadException.class, () -> reader.read(new ImageSource.DockerArchive(archive)));
        assertTrue(e.getMessage().endsWith("the archive's JSON entries come to more than 67,108,864 bytes, more than an "
                + "image's manifests and configs can (see docs/limits.md)"), e.getMessage());
    }

    /** Was read without a word: a layer blob changed after the layout was written. */
    @Test
    void layerThatDoesNotMatchItsDigestIsRefused() throws Exception {
        Path layout = dir.resolve("oci");
        SampleImage.image().writeOciDirectory(layout);
        Path layer = null;
        try (Stream<Path> blobs = Files.list(layout.resolve("blobs/sha256"))) {
            for (Path blob : blobs.toList()) {
                if (!Files.readString(blob, StandardCharsets.ISO_8859_1).startsWith("{")) {
                    layer = blob;
                }
            }
        }
        Files.write(java.util.Objects.requireNonNull(layer), new byte[1024], java.nio.file.StandardOpenOption.APPEND);
        ImageReadException e = assertThrows(ImageReadException.class, () -> reader.read(new ImageSource.OciLayout(layout)));
        assertEquals(layout + ": blobs/sha256/" + layer.getFileName() + " does not match its digest: the layout is corrupt or "
                + "was changed after it was written; write it again", e.getMessage());
    }
}
