package dev.layerlint.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Layer tars that Go's archive/tar (Docker's reader) and a Java tar reader could read differently, each built
 * by hand: layerlint must list what Docker writes into the image, or fail. Several of them used to hide
 * {@code /root/.ssh/id_rsa} from layerlint while Docker extracted it.
 */
class GoTarReaderTest {

    @TempDir
    Path dir;

    /** A tar under construction: raw 512-byte headers and data, as a hostile tool would write them. */
    private static final class Tar {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Tar header(String name, char type, long size, String link) {
            return raw(block(name, type, size, link, "ustar\u000000", false));
        }

        Tar raw(byte[] block) {
            out.writeBytes(block);
            return this;
        }

        Tar data(String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(bytes);
            out.writeBytes(new byte[(512 - bytes.length % 512) % 512]);
            return this;
        }

        Tar pax(char type, String... records) {
            StringBuilder text = new StringBuilder();
            for (String record : records) {
                String line = " " + record + "\n";
                int n = line.length() + 1;
                while (String.valueOf(n).length() + line.length() != n) {
                    n++;
                }
                text.append(n).append(line);
            }
            return header("PaxHeaders/x", type, text.length(), "").data(text.toString());
        }

        Tar end() {
            out.writeBytes(new byte[1024]);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    static byte[] block(String name, char type, long size, String link, String magic, boolean signedChecksum) {
        byte[] b = new byte[512];
        put(b, 0, name);
        put(b, 100, "0000644\0");
        put(b, 108, "0000000\0");
        put(b, 116, "0000000\0");
        put(b, 124, String.format("%011o\0", size));
        put(b, 136, "00000000000\0");
        b[156] = (byte) type;
        put(b, 157, link);
        put(b, 257, magic);
        long sum = 0;
        for (int i = 0; i < 512; i++) {
            int c = i >= 148 && i < 156 ? ' ' : b[i];
            sum += signedChecksum ? c : c & 0xff;
        }
        put(b, 148, String.format("%06o\0 ", sum));
        return b;
    }

    private static void put(byte[] b, int offset, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(bytes, 0, b, offset, bytes.length);
    }

    /** What layerlint lists, read streamed and read from a file (seeking): both must agree. */
    private List<String> paths(byte[] tar) throws IOException {
        List<String> streamed = names(LayerScanner.scan(new ByteArrayInputStream(tar), tar.length, JarLayout.DEFAULT_THRESHOLD));
        Path file = Files.write(dir.resolve("layer.tar"), tar);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            assertEquals(streamed, names(LayerScanner.scan(channel, 0, tar.length, JarLayout.DEFAULT_THRESHOLD)));
        }
        return streamed;
    }

    private static List<String> names(LayerContent content) {
        List<String> names = new ArrayList<>();
        for (LayerEntry entry : content.entries()) {
            if (entry instanceof LayerEntry.File file) {
                names.add(file.path() + " " + file.type() + " " + file.size());
            }
        }
        return names;
    }

    private IOException failure(byte[] tar) {
        return assertThrows(IOException.class, () -> LayerScanner.scan(new ByteArrayInputStream(tar), tar.length, JarLayout.DEFAULT_THRESHOLD));
    }

    @Test
    void aSymlinkHasNoDataWhateverItsSizeSays() throws IOException {
        byte[] tar = new Tar().header("link", '2', 1024, "target")
                .header("root/.ssh/id_rsa", '0', 5, "").data("KEY!!").end().bytes();
        assertEquals(List.of("/link SYMLINK 0", "/root/.ssh/id_rsa REGULAR 5"), paths(tar));
    }

    @Test
    void anOldStyleEntryEndingInASlashIsADirectoryWithoutData() throws IOException {
        byte[] tar = new Tar().header("etc/", '\0', 512, "").header("root/.ssh/id_rsa", '0', 3, "").data("KEY").end().bytes();
        assertEquals(List.of("/etc DIRECTORY 0", "/root/.ssh/id_rsa REGULAR 3"), paths(tar));
    }

    @Test
    void globalPaxRecordsApplyToNoEntry() throws IOException {
        byte[] tar = new Tar().pax('g', "path=innocent.txt").header("root/.ssh/id_rsa", '0', 3, "").data("KEY").end().bytes();
        assertEquals(List.of("/root/.ssh/id_rsa REGULAR 3"), paths(tar));
    }

    @Test
    void aGnuLongNameWinsOverAPaxPath() throws IOException {
        byte[] tar = new Tar().header("././@LongLink", 'L', 16, "").data("root/.ssh/id_rsa")
                .pax('x', "path=innocent.txt").header("short", '0', 3, "").data("KEY").end().bytes();
        assertEquals(List.of("/root/.ssh/id_rsa REGULAR 3"), paths(tar));
    }

    @Test
    void aLaterPaxHeaderReplacesAnEarlierOne() throws IOException {
        byte[] tar = new Tar().pax('x', "path=a", "size=3").pax('x', "path=b").header("c", '0', 3, "").data("abc")
                .end().bytes();
        assertEquals(List.of("/b REGULAR 3"), paths(tar));
    }

    @Test
    void paxSizeDecidesWhereTheNextHeaderIs() throws IOException {
        byte[] tar = new Tar().pax('x', "size=0").header("empty", '0', 512, "")
                .header("root/.ssh/id_rsa", '0', 3, "").data("KEY").end().bytes();
        assertEquals(List.of("/empty REGULAR 0", "/root/.ssh/id_rsa REGULAR 3"), paths(tar));
    }

    @Test
    void signedChecksumsAndBase256SizesAreRead() throws IOException {
        byte[] fixed = block("big", '0', 0, "", "ustar\u000000", true);
        byte[] size = {(byte) 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5};
        System.arraycopy(size, 0, fixed, 124, 12);
        long sum = 0;
        for (int i = 0; i < 512; i++) {
            sum += i >= 148 && i < 156 ? ' ' : fixed[i];
        }
        System.arraycopy(String.format("%06o\0 ", sum).getBytes(StandardCharsets.US_ASCII), 0, fixed, 148, 8);
        byte[] tar = new Tar().raw(fixed).data("12345").end().bytes();
        assertEquals(List.of("/big REGULAR 5"), paths(tar));
    }

    @Test
    void aWrongChecksumIsAnError() {
        byte[] header = block("a", '0', 0, "", "ustar\u000000", false);
        header[0] = 'b';
        IOException e = failure(new Tar().raw(header).end().bytes());
        assertEquals("corrupt tar header at byte 0: its checksum does not match (not a tar header)", e.getMessage());
    }

    @Test
    void aHeaderAfterOneZeroBlockIsAnError() {
        byte[] tar = new Tar().header("a", '0', 0, "").raw(new byte[512]).header("root/.ssh/id_rsa", '0', 0, "").end().bytes();
        IOException e = failure(tar);
        assertEquals("corrupt tar header at byte 1024: it follows a single zero block, where Docker's tar reader stops "
                + "with an error", e.getMessage());
    }

    @Test
    void theOuterArchiveOfDockerSaveIsReadTheSameWay() throws IOException {
        // a sparse manifest.json in the archive itself: another tar reader could see other JSON than Docker's
        byte[] archive = new Tar().pax('x', "GNU.sparse.major=1", "GNU.sparse.minor=0", "GNU.sparse.name=manifest.json")
                .header("GNUSparseFile.0/manifest.json", '0', 512, "").data("1\n0\n3\n").end().bytes();
        ImageReadException streamed = assertThrows(ImageReadException.class,
                () -> ArchiveScanner.scan(new ByteArrayInputStream(archive), "image.tar", JarLayout.DEFAULT_THRESHOLD));
        assertTrue(streamed.getMessage().contains("sparse tar entry at byte 1024: layerlint does not read sparse entries"),
                streamed.getMessage());
        Path file = Files.createTempFile("outer", ".tar");
        try {
            Files.write(file, archive);
            ImageReadException seeked = assertThrows(ImageReadException.class, () -> ArchiveScanner.scan(file));
            assertTrue(seeked.getMessage().contains("sparse tar entry at byte 1024: layerlint does not read sparse entries"),
                    seeked.getMessage());
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void sparseEntriesAreRefused() {
        byte[] tar = new Tar().pax('x', "GNU.sparse.major=1", "GNU.sparse.minor=0", "GNU.sparse.name=root/.ssh/id_rsa")
                .header("GNUSparseFile.0/x", '0', 512, "").data("1\n0\n3\n").end().bytes();
        IOException e = failure(tar);
        assertEquals("sparse tar entry at byte 1024: layerlint does not read sparse entries, whose contents and names "
                + "tar readers may see differently; write the layer without sparse files", e.getMessage());
    }

    @Test
    void aNumberThatIsNotOctalIsAnError() {
        byte[] bad = block("a", '0', 0, "", "ustar\u000000", false);
        System.arraycopy("0000009\0".getBytes(StandardCharsets.US_ASCII), 0, bad, 108, 8);
        long sum = 0;
        for (int i = 0; i < 512; i++) {
            sum += i >= 148 && i < 156 ? ' ' : bad[i] & 0xff;
        }
        System.arraycopy(String.format("%06o\0 ", sum).getBytes(StandardCharsets.US_ASCII), 0, bad, 148, 8);
        IOException e = failure(new Tar().raw(bad).end().bytes());
        assertEquals("corrupt tar header at byte 0: a number in it is neither octal nor base-256", e.getMessage());
    }

    /** Go ends an archive that stops inside the padding after an entry's data as if it ended there (found by fuzzing). */
    @Test
    void aTarEndingInsidePaddingEndsThere() throws IOException {
        byte[] whole = new Tar().header("a", '0', 3, "").data("abc").bytes();
        assertEquals(List.of("/a REGULAR 3"), paths(java.util.Arrays.copyOf(whole, 512 + 100)));
    }

    @Test
    void aTarEndingInsideDataIsTruncated() {
        byte[] whole = new Tar().header("a", '0', 300, "").data("x".repeat(300)).bytes();
        IOException e = failure(java.util.Arrays.copyOf(whole, 512 + 100));
        assertEquals("tar entry at byte 0 runs past the end (truncated)", e.getMessage());
    }

    /** Was an OutOfMemoryError: a 2 MB gzip layer of 4,000,000 entries of one path. */
    @Test
    void entriesPastTheLimitAreRefused() {
        byte[] header = block("same/path", '0', 0, "", "ustar\u000000", false);
        java.io.InputStream endless = new java.io.InputStream() {
            private long position;

            @Override
            public int read() {
                return header[(int) (position++ % 512)] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                int n = (int) Math.min(len, 512 - position % 512);
                System.arraycopy(header, (int) (position % 512), b, off, n);
                position += n;
                return n;
            }
        };
        IOException e = assertThrows(IOException.class, () -> LayerScanner.scan(endless, 0, JarLayout.DEFAULT_THRESHOLD));
        assertEquals("more than 1,000,000 entries in one layer, the most layerlint reads (see docs/limits.md)", e.getMessage());
    }
}
