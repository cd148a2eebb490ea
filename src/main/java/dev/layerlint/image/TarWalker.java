package dev.layerlint.image;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipEncoding;
import org.apache.commons.compress.archivers.zip.ZipEncodingHelper;

/**
 * Walks the headers of an uncompressed tar stored in a file region, seeking over the contents
 * the way {@code tar -tf} does instead of reading them. Understands what image tars use: ustar,
 * PAX extended headers ({@code path}, {@code linkpath}, {@code size}) and GNU long names.
 */
final class TarWalker {

    private static final int BLOCK = 512;
    private static final ZipEncoding UTF8 = ZipEncodingHelper.getZipEncoding(StandardCharsets.UTF_8);
    private static final int MAX_EXTENDED_HEADER = 1024 * 1024;

    /** Receives each entry and where its contents start in the file. */
    @FunctionalInterface
    interface EntryHandler {
        void entry(TarArchiveEntry entry, long dataOffset) throws IOException;
    }

    private TarWalker() {
    }

    /** Walks the tar in {@code [offset, offset + length)} of {@code file}. */
    static void walk(FileChannel file, long offset, long length, EntryHandler handler) throws IOException {
        long end = offset + length;
        long position = offset;
        Map<String, String> pax = new HashMap<>();
        String longName = null;
        String longLink = null;
        while (position + BLOCK <= end) {
            byte[] header = read(file, position, BLOCK);
            if (isZeros(header)) {
                return; // end-of-archive blocks
            }
            TarArchiveEntry entry;
            try {
                entry = new TarArchiveEntry(header, UTF8, false);
            } catch (IllegalArgumentException e) {
                throw new IOException("corrupt tar header at byte " + position + ": " + e.getMessage(), e);
            }
            if (!entry.isCheckSumOK()) {
                throw new IOException("corrupt tar header at byte " + position + " (checksum mismatch)");
            }
            long dataOffset = position + BLOCK;
            if (entry.isPaxHeader() || entry.isGNULongNameEntry() || entry.isGNULongLinkEntry()) {
                byte[] data = read(file, dataOffset, extendedHeaderSize(entry, position));
                if (entry.isPaxHeader()) {
                    pax.putAll(parsePax(data, position));
                } else if (entry.isGNULongNameEntry()) {
                    longName = nulTerminated(data);
                } else {
                    longLink = nulTerminated(data);
                }
            } else if (!entry.isGlobalPaxHeader()) {
                if (longName != null) {
                    entry.setName(longName);
                }
                if (longLink != null) {
                    entry.setLinkName(longLink);
                }
                if (pax.containsKey("path")) {
                    entry.setName(pax.get("path"));
                }
                if (pax.containsKey("linkpath")) {
                    entry.setLinkName(pax.get("linkpath"));
                }
                if (pax.containsKey("size")) {
                    entry.setSize(parseSize(pax.get("size"), position));
                }
                handler.entry(entry, dataOffset);
                pax.clear();
                longName = null;
                longLink = null;
            }
            long next = dataOffset + roundUp(entry.getSize());
            if (next > end) {
                throw new EOFException("tar entry '" + entry.getName() + "' at byte " + position + " runs past the end (truncated)");
            }
            position = next;
        }
        if (position < end && position + BLOCK > end) {
            throw new EOFException("tar ends inside a header at byte " + position + " (truncated)");
        }
    }

    private static int extendedHeaderSize(TarArchiveEntry entry, long position) throws IOException {
        if (entry.getSize() > MAX_EXTENDED_HEADER) {
            throw new IOException("tar extended header at byte " + position + " is " + entry.getSize() + " bytes");
        }
        return (int) entry.getSize();
    }

    /** Records of the form {@code "%d %s=%s\n"}, the length counting the whole record. */
    private static Map<String, String> parsePax(byte[] bytes, long position) throws IOException {
        Map<String, String> values = new HashMap<>();
        int at = 0;
        while (at < bytes.length) {
            int space = at;
            while (space < bytes.length && bytes[space] != ' ') {
                space++;
            }
            int recordLength;
            try {
                recordLength = Integer.parseInt(new String(bytes, at, space - at, StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                throw new IOException("corrupt PAX header at byte " + position, e);
            }
            if (recordLength <= space - at || at + recordLength > bytes.length) {
                throw new IOException("corrupt PAX header at byte " + position);
            }
            String record = new String(bytes, space + 1, at + recordLength - space - 2, StandardCharsets.UTF_8);
            int equals = record.indexOf('=');
            if (equals > 0) {
                values.put(record.substring(0, equals), record.substring(equals + 1));
            }
            at += recordLength;
        }
        return values;
    }

    private static long parseSize(String text, long position) throws IOException {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IOException("corrupt PAX size '" + text + "' at byte " + position, e);
        }
    }

    private static String nulTerminated(byte[] data) {
        int length = 0;
        while (length < data.length && data[length] != 0) {
            length++;
        }
        return new String(data, 0, length, StandardCharsets.UTF_8);
    }

    private static long roundUp(long size) {
        return (size + BLOCK - 1) / BLOCK * BLOCK;
    }

    private static boolean isZeros(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** Reads exactly {@code length} bytes at {@code position}. */
    static byte[] read(FileChannel file, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (file.read(buffer, position + buffer.position()) < 0) {
                throw new EOFException("file ends at byte " + (position + buffer.position()) + " (truncated)");
            }
        }
        return buffer.array();
    }
}
