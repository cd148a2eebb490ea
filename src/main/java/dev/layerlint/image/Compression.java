package dev.layerlint.image;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/** How a layer blob is stored, sniffed from its first bytes rather than trusted from a media type. */
enum Compression {
    GZIP, ZSTD, NONE;

    private static final int BUFFER = 64 * 1024;

    /** Looks at the first bytes of {@code in} without consuming them; {@code in} must support mark/reset. */
    static Compression sniff(BufferedInputStream in) throws IOException {
        in.mark(4);
        byte[] magic = in.readNBytes(4);
        in.reset();
        return of(magic);
    }

    /** The compression whose magic number {@code head} (a blob's first bytes) starts with. */
    static Compression of(byte[] magic) {
        if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            return GZIP;
        }
        if (magic.length == 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xb5
                && (magic[2] & 0xff) == 0x2f && (magic[3] & 0xff) == 0xfd) {
            return ZSTD;
        }
        return NONE;
    }

    /** The uncompressed bytes of {@code in}. */
    InputStream decompress(InputStream in) throws IOException {
        return switch (this) {
            case GZIP -> new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER);
            case ZSTD -> new BufferedInputStream(new ZstdCompressorInputStream(in), BUFFER);
            case NONE -> in;
        };
    }
}
