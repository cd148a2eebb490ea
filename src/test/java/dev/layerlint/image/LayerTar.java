package dev.layerlint.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;

/** Builds a layer tar in memory for tests, entries in the order they are added. */
final class LayerTar {

    private record Item(TarArchiveEntry entry, byte[] content) {
    }

    private final List<Item> items = new ArrayList<>();
    private int longFileMode = TarArchiveOutputStream.LONGFILE_POSIX;

    /** Long names as GNU tar writes them ({@code ././@LongLink} entries) instead of PAX headers. */
    LayerTar gnuLongNames() {
        longFileMode = TarArchiveOutputStream.LONGFILE_GNU;
        return this;
    }

    LayerTar dir(String path) {
        TarArchiveEntry entry = new TarArchiveEntry(path.endsWith("/") ? path : path + "/");
        entry.setMode(040755);
        return add(entry, 0);
    }

    LayerTar file(String path, int size) {
        return file(path, size, 0100644);
    }

    LayerTar file(String path, int size, int mode) {
        TarArchiveEntry entry = new TarArchiveEntry(path);
        entry.setMode(mode);
        entry.setSize(size);
        return add(entry, size);
    }

    /** A regular file with these bytes. */
    LayerTar file(String path, byte[] content) {
        TarArchiveEntry entry = new TarArchiveEntry(path);
        entry.setMode(0100644);
        entry.setSize(content.length);
        entry.setModTime(0);
        items.add(new Item(entry, content.clone()));
        return this;
    }

    LayerTar symlink(String path, String target) {
        TarArchiveEntry entry = new TarArchiveEntry(path, TarArchiveEntry.LF_SYMLINK);
        entry.setLinkName(target);
        return add(entry, 0);
    }

    LayerTar hardlink(String path, String target) {
        TarArchiveEntry entry = new TarArchiveEntry(path, TarArchiveEntry.LF_LINK);
        entry.setLinkName(target);
        return add(entry, 0);
    }

    /** Deletes {@code dir/name} from the layers beneath. */
    LayerTar whiteout(String dir, String name) {
        return file(dir + "/.wh." + name, 0);
    }

    LayerTar opaque(String dir) {
        return file(dir + "/.wh..wh..opq", 0);
    }

    private LayerTar add(TarArchiveEntry entry, int contentSize) {
        entry.setModTime(0); // the same entries make the same tar, and so the same diff id
        byte[] content = new byte[contentSize];
        Arrays.fill(content, (byte) 'x');
        items.add(new Item(entry, content));
        return this;
    }

    byte[] tar() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(longFileMode);
            for (Item item : items) {
                tar.putArchiveEntry(item.entry());
                tar.write(item.content());
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] gzip(byte[] tar) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(tar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] zstd(byte[] tar) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZstdCompressorOutputStream zstd = new ZstdCompressorOutputStream(bytes)) {
            zstd.write(tar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
