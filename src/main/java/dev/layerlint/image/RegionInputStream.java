package dev.layerlint.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** The bytes {@code [offset, offset + length)} of a file, by positional reads; skipping seeks. */
final class RegionInputStream extends InputStream {

    private final FileChannel file;
    private final long end;
    private long position;

    RegionInputStream(FileChannel file, long offset, long length) {
        this.file = file;
        this.position = offset;
        this.end = offset + length;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position >= end) {
            return -1;
        }
        int wanted = (int) Math.min(length, end - position);
        int read = file.read(ByteBuffer.wrap(buffer, offset, wanted), position);
        if (read < 0) {
            return -1;
        }
        position += read;
        return read;
    }

    @Override
    public long skip(long count) {
        long skipped = Math.max(0, Math.min(count, end - position));
        position += skipped;
        return skipped;
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, end - position);
    }

    /** Reads exactly {@code length} bytes at {@code position}. */
    static byte[] readAt(FileChannel file, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (file.read(buffer, position + buffer.position()) < 0) {
                throw new java.io.EOFException("file ends at byte " + (position + buffer.position()) + " (truncated)");
            }
        }
        return buffer.array();
    }
}
