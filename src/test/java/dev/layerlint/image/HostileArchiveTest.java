package dev.layerlint.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipEncodingHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Archives built to mislead a reader: each gives a correct model or an {@link ImageReadException}
 * naming what is wrong, read both streamed and from a file; the reader never writes anything.
 */
class HostileArchiveTest {

    @TempDir
    Path directory;

    @Test
    void layerPathsThatClimbOutOrAreAbsoluteStayInsideTheImage() throws Exception {
        Path archive = directory.resolve("image.tar");
        new TestImage().layer("COPY . /", new LayerTar().file("../../etc/escape", 4).file("/abs/file", 2)
                        .symlink("up", "../../..").hardlink("hard", "../../etc/escape"))
                .writeLegacyDockerSave(archive, false);
        for (Image image : readBothWays(archive)) {
            assertEquals(List.of(
                    new LayerEntry.File("/etc/escape", LayerEntry.FileType.REGULAR, 4, 0100644, Optional.empty()),
                    new LayerEntry.File("/abs/file", LayerEntry.FileType.REGULAR, 2, 0100644, Optional.empty()),
                    new LayerEntry.File("/up", LayerEntry.FileType.SYMLINK, 0, 0100644, Optional.of("../../..")),
                    new LayerEntry.File("/hard", LayerEntry.FileType.HARDLINK, 0, 0100644, Optional.of("/etc/escape"))),
                    image.layers().get(0).entries());
            FileSystemView files = FileSystemView.of(image.layers());
            // a link climbing above the root stops at the root, as in the kernel
            assertEquals("/etc/escape", files.resolve("/up/etc/escape").orElseThrow().file().path());
        }
        try (Stream<Path> written = Files.list(directory)) {
            assertEquals(List.of(archive), written.toList());
        }
    }

    @Test
    void archiveSymlinkLoopsEndInAMissingBlob() throws Exception {
        Path archive = directory.resolve("image.tar");
        new TestImage().layer("RUN true", new LayerTar().file("a", 1)).writeLegacyDockerSave(archive, false);
        byte[] looped = withEntries(Files.readAllBytes(archive), symlink("l1/layer.tar", "../l2/layer.tar"),
                symlink("l2/layer.tar", "../l1/layer.tar"));
        byte[] edited = editManifest(looped, m -> m.replaceAll("\"Layers\":\\[[^\\]]*\\]", "\"Layers\":[\"l1/layer.tar\"]"));
        ImageReadException e = assertThrows(ImageReadException.class,
                () -> ImageReader.readDockerArchive(new ByteArrayInputStream(edited), "looped.tar"));
        assertEquals("looped.tar: 1 of 1 layer blobs is missing: l1/layer.tar", e.getMessage());
    }

    @Test
    void truncatedGzipLayer() throws Exception {
        byte[] gzip = LayerTar.gzip(new LayerTar().file("app", 100_000).tar());
        Path archive = directory.resolve("jib.tar");
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("layer.tar.gz", Arrays.copyOf(gzip, gzip.length / 2));
        files.put("manifest.json", "[{\"Config\":\"config.json\",\"Layers\":[\"layer.tar.gz\"]}]".getBytes(StandardCharsets.UTF_8));
        TestImage.writeTar(archive, files);
        ImageReadException streamed = assertThrows(ImageReadException.class,
                () -> ImageReader.readDockerArchive(new ByteArrayInputStream(Files.readAllBytes(archive)), "jib.tar"));
        assertTrue(streamed.getMessage().startsWith("jib.tar: truncated or corrupt archive at entry 'layer.tar.gz': "),
                streamed.getMessage());
        ImageReadException seeked = assertThrows(ImageReadException.class, () -> ArchiveScanner.scan(archive));
        assertTrue(seeked.getMessage().startsWith(archive + ": truncated or corrupt archive at entry 'layer.tar.gz': "),
                seeked.getMessage());
    }

    @Test
    void layerInTheManifestButNotInTheArchive() throws Exception {
        Path archive = directory.resolve("image.tar");
        new TestImage().layer("RUN true", new LayerTar().file("a", 1)).writeLegacyDockerSave(archive, false);
        byte[] manifest = editManifest(Files.readAllBytes(archive), m -> m.replace("\"Layers\":[", "\"Layers\":[\"missing/layer.tar\","));
        ImageReadException e = assertThrows(ImageReadException.class,
                () -> ImageReader.readDockerArchive(new ByteArrayInputStream(manifest), "image.tar"));
        assertEquals("image.tar: 1 of 2 layer blobs is missing: missing/layer.tar", e.getMessage());
    }

    @Test
    void tenGigabyteSizeInATarHeader() throws Exception {
        TarArchiveEntry huge = new TarArchiveEntry("manifest.json");
        huge.setSize(10L * 1024 * 1024 * 1024);
        byte[] header = new byte[512];
        huge.writeEntryHeader(header, ZipEncodingHelper.getZipEncoding(StandardCharsets.UTF_8), true);
        byte[] archive = Arrays.copyOf(header, 512 + 1024);
        Path file = directory.resolve("huge.tar");
        Files.write(file, archive);
        ImageReadException streamed = assertThrows(ImageReadException.class,
                () -> ImageReader.readDockerArchive(new ByteArrayInputStream(archive), "huge.tar"));
        assertEquals("huge.tar: truncated or corrupt archive at entry 'manifest.json': manifest.json is 10737418240 bytes,"
                + " more than a manifest or config can be", streamed.getMessage());
        ImageReadException seeked = assertThrows(ImageReadException.class, () -> ArchiveScanner.scan(file));
        assertTrue(seeked.getMessage().contains("manifest.json"), seeked.getMessage());
    }

    @Test
    void duplicateEntriesTheLastOneWins() throws Exception {
        Path archive = directory.resolve("image.tar");
        new TestImage().layer("RUN true", new LayerTar().file("a", 1)).writeLegacyDockerSave(archive, false);
        byte[] bytes = Files.readAllBytes(archive);
        byte[] doubled = withEntries(bytes, file("manifest.json", "[]".getBytes(StandardCharsets.UTF_8)));
        ImageReadException e = assertThrows(ImageReadException.class,
                () -> ImageReader.readDockerArchive(new ByteArrayInputStream(doubled), "image.tar"));
        assertEquals("image.tar: manifest.json lists no image", e.getMessage());
    }

    private static List<Image> readBothWays(Path archive) throws Exception {
        Image streamed = ImageReader.readDockerArchive(new ByteArrayInputStream(Files.readAllBytes(archive)), "image.tar");
        Image seeked = ImageAssembler.fromDockerArchive(ArchiveScanner.scan(archive), "image.tar");
        return List.of(streamed, seeked);
    }

    /** The archive with its manifest.json appended again, edited: a later duplicate entry wins. */
    private static byte[] editManifest(byte[] archive, UnaryOperator<String> edit) throws Exception {
        String manifest = new String(ArchiveScanner.scan(new ByteArrayInputStream(archive), "x").metadata("manifest.json")
                .orElseThrow(), StandardCharsets.UTF_8);
        return withEntries(archive, file("manifest.json", edit.apply(manifest).getBytes(StandardCharsets.UTF_8)));
    }

    private static TarArchiveEntry symlink(String path, String target) {
        TarArchiveEntry entry = new TarArchiveEntry(path, TarArchiveEntry.LF_SYMLINK);
        entry.setLinkName(target);
        return entry;
    }

    private record Extra(TarArchiveEntry entry, byte[] content) {
    }

    private static Object file(String path, byte[] content) {
        TarArchiveEntry entry = new TarArchiveEntry(path);
        entry.setSize(content.length);
        return new Extra(entry, content);
    }

    /** Appends entries after the last real entry (before the end-of-archive blocks). */
    private static byte[] withEntries(byte[] tar, Object... extras) throws IOException {
        int end = endOfEntries(tar);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tar, 0, end);
        for (Object extra : extras) {
            Extra item = extra instanceof Extra e ? e : new Extra((TarArchiveEntry) extra, new byte[0]);
            byte[] header = new byte[512];
            item.entry().writeEntryHeader(header);
            out.write(header);
            out.write(item.content());
            out.write(new byte[(512 - item.content().length % 512) % 512]);
        }
        out.write(new byte[1024]);
        return out.toByteArray();
    }

    private static int endOfEntries(byte[] tar) throws IOException {
        int at = 0;
        while (at + 512 <= tar.length) {
            TarArchiveEntry entry = new TarArchiveEntry(Arrays.copyOfRange(tar, at, at + 512));
            if (entry.getName().isEmpty()) {
                return at;
            }
            at += 512 + (int) ((entry.getSize() + 511) / 512 * 512);
        }
        return at;
    }
}
