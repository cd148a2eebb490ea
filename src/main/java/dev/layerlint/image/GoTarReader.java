package dev.layerlint.image;

import dev.layerlint.text.Plural;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * Reads the entries of a layer tar the way Go's {@code archive/tar} does, since that is what Docker extracts
 * layers with: where two tar readers could disagree, a layer could hide a file from layerlint that Docker puts
 * into the image. So, as Go: a header must carry a valid checksum (unsigned or signed sum); numbers are octal or
 * base-256, and an invalid one in any field is an error; the USTAR prefix joins the name; {@code x} records
 * apply to the next entry only and replace earlier ones, {@code g} records to none; a GNU long name or link
 * wins over a PAX path; links, directories, devices and FIFOs have no data whatever their size field says; a
 * {@code \0} entry whose name ends in {@code /} is a directory; one zero block followed by a header is an
 * error; reading stops at two zero blocks (or one at the end). Sparse entries are refused: their contents and
 * names depend on details where readings differ.
 */
final class GoTarReader {

    private static final int BLOCK = 512;
    /** Go's limit for PAX records and GNU long names. */
    static final int MAX_SPECIAL_FILE = 1 << 20;
    /**
     * The most entries read from one layer tar: real layers hold up to a few hundred thousand files, and each
     * entry is kept in memory until the image is analysed (a 2 MB gzip layer can hold millions of headers).
     */
    static final int MAX_ENTRIES = 1_000_000;
    private static final Pattern PAX_TIME = Pattern.compile("[+-]?[0-9]+(\\.[0-9]*)?");

    /** Receives each entry and the offset of its data from the start of the tar. */
    @FunctionalInterface
    interface EntryHandler {
        void entry(TarArchiveEntry entry, long dataOffset) throws IOException;
    }

    /**
     * Receives each entry, the offset of its data, and the data itself as a stream that ends with the entry: what the
     * handler does not read is skipped after it returns.
     */
    @FunctionalInterface
    interface DataHandler {
        void entry(TarArchiveEntry entry, long dataOffset, InputStream data) throws IOException;
    }

    private final InputStream in;
    private long position;
    /** The padding after the last entry's data, skipped before the next header. */
    private long padding;

    private GoTarReader(InputStream in) {
        this.in = in;
    }

    /** Reads every entry of the tar {@code in} holds; the stream is read up to the end of the tar, not closed. */
    static void read(InputStream in, EntryHandler handler) throws IOException {
        new GoTarReader(in).readAll((entry, dataOffset, data) -> handler.entry(entry, dataOffset));
    }

    /** Like {@link #read(InputStream, EntryHandler)}, giving the handler each entry's data as well. */
    static void readWithData(InputStream in, DataHandler handler) throws IOException {
        new GoTarReader(in).readAll(handler);
    }

    private void readAll(DataHandler handler) throws IOException {
        Map<String, String> pax = Map.of();
        String longName = "";
        String longLink = "";
        byte[] block = new byte[BLOCK];
        int entries = 0;
        while (true) {
            // as Go: an archive that ends inside the padding after an entry's data ends there, without an error
            if (!skipPadding()) {
                return;
            }
            long at = position;
            if (!header(block)) {
                return;
            }
            Header header = parse(block, at);
            switch (header.type) {
                case 'x', 'g' -> {
                    Map<String, String> records = parsePax(special(header, at), at);
                    // Go hands a global header to its caller as an entry, and Docker ignores it: it changes nothing
                    pax = header.type == 'x' ? records : Map.of();
                    if (header.type == 'g') {
                        longName = "";
                        longLink = "";
                    }
                }
                case 'L' -> longName = cString(special(header, at));
                case 'K' -> longLink = cString(special(header, at));
                default -> {
                    if (++entries > MAX_ENTRIES) {
                        throw new IOException("more than " + Plural.count(MAX_ENTRIES, "entry", "entries") + " in one layer, "
                                + "the most layerlint reads (see docs/limits.md)");
                    }
                    entry(header, pax, longName, longLink, at, handler);
                    pax = Map.of();
                    longName = "";
                    longLink = "";
                }
            }
        }
    }

    private void entry(Header header, Map<String, String> pax, String longName, String longLink, long at, DataHandler handler)
            throws IOException {
        String name = header.name;
        String link = header.link;
        long size = header.size;
        for (Map.Entry<String, String> record : pax.entrySet()) {
            String key = record.getKey();
            String value = record.getValue();
            if (key.startsWith("GNU.sparse.")) {
                throw new IOException("sparse tar entry at byte " + at + ": layerlint does not read sparse entries, "
                        + "whose contents and names tar readers may see differently; write the layer without sparse files");
            }
            if (value.isEmpty()) {
                continue;
            }
            switch (key) {
                case "path" -> name = value;
                case "linkpath" -> link = value;
                case "size" -> size = paxNumber(value, at, "size");
                case "uid", "gid" -> paxNumber(value, at, key);
                case "mtime", "atime", "ctime" -> {
                    if (!PAX_TIME.matcher(value).matches()) {
                        throw corrupt(at, "its PAX " + key + " is not a time");
                    }
                }
                default -> {
                }
            }
        }
        if (!longName.isEmpty()) {
            name = longName;
        }
        if (!longLink.isEmpty()) {
            link = longLink;
        }
        char type = header.type;
        if (type == 'S') {
            throw new IOException("sparse tar entry at byte " + at + ": layerlint does not read sparse entries, whose "
                    + "contents and names tar readers may see differently; write the layer without sparse files");
        }
        if (type == '\0') {
            type = name.endsWith("/") ? '5' : '0';
        }
        long data = dataSize(type, size, at);
        TarArchiveEntry entry = new TarArchiveEntry(name, (byte) type, true);
        entry.setSize(data);
        entry.setMode((int) header.mode);
        entry.setLinkName(link);
        EntryData contents = new EntryData(data, at);
        handler.entry(entry, position, contents);
        skip(contents.left, at);
        padding = padded(data) - data;
    }

    /** The data that follows a header: none for links, directories, devices and FIFOs, whatever the size says. */
    private static long dataSize(char type, long size, long at) throws IOException {
        long data = "123456".indexOf(type) >= 0 ? 0 : size;
        if (data < 0) {
            throw corrupt(at, "its size is negative");
        }
        return data;
    }

    /** Reads a PAX header's or GNU long name's data (at most {@link #MAX_SPECIAL_FILE}) and its padding. */
    private byte[] special(Header header, long at) throws IOException {
        long size = dataSize(header.type, header.size, at);
        if (size > MAX_SPECIAL_FILE) {
            throw corrupt(at, "its extended header is " + size + " bytes, more than " + MAX_SPECIAL_FILE);
        }
        byte[] data = new byte[(int) size];
        readFully(data, at);
        padding = padded(size) - size;
        return data;
    }

    /** Reads the next header into {@code block}; false at the end of the archive. */
    private boolean header(byte[] block) throws IOException {
        long at = position;
        int read = in.readNBytes(block, 0, BLOCK);
        position += read;
        if (read == 0) {
            return false;
        }
        if (read < BLOCK) {
            throw new EOFException("tar ends inside a header at byte " + at + " (truncated)");
        }
        if (!zeros(block)) {
            return true;
        }
        read = in.readNBytes(block, 0, BLOCK);
        position += read;
        if (read == 0) {
            return false;
        }
        if (read < BLOCK) {
            throw new EOFException("tar ends inside a header at byte " + (at + BLOCK) + " (truncated)");
        }
        if (zeros(block)) {
            return false;
        }
        throw corrupt(at + BLOCK, "it follows a single zero block, where Docker's tar reader stops with an error");
    }

    private record Header(char type, String name, String link, long size, long mode) {
    }

    private static Header parse(byte[] b, long at) throws IOException {
        Numbers numbers = new Numbers();
        long checksum = numbers.octal(b, 148, 8);
        long unsigned = 0;
        long signed = 0;
        for (int i = 0; i < BLOCK; i++) {
            int c = i >= 148 && i < 156 ? ' ' : b[i];
            unsigned += c & 0xff;
            signed += (byte) c;
        }
        if (numbers.invalid || checksum != unsigned && checksum != signed) {
            throw corrupt(at, "its checksum does not match (not a tar header)");
        }
        String magic = new String(b, 257, 6, StandardCharsets.ISO_8859_1);
        String version = new String(b, 263, 2, StandardCharsets.ISO_8859_1);
        String trailer = new String(b, 508, 4, StandardCharsets.ISO_8859_1);
        boolean star = magic.equals("ustar\0") && trailer.equals("tar\0");
        boolean ustar = magic.equals("ustar\0") && !star;
        boolean gnu = magic.equals("ustar ") && version.equals(" \0");
        char type = (char) (b[156] & 0xff);
        String name = cString(b, 0, 100);
        String link = cString(b, 157, 100);
        long size = numbers.numeric(b, 124, 12);
        long mode = numbers.numeric(b, 100, 8);
        numbers.numeric(b, 108, 8);
        numbers.numeric(b, 116, 8);
        numbers.numeric(b, 136, 12);
        if (star || ustar || gnu) {
            numbers.numeric(b, 329, 8);
            numbers.numeric(b, 337, 8);
            String prefix = "";
            if (ustar) {
                prefix = cString(b, 345, 155);
            } else if (star) {
                prefix = cString(b, 345, 131);
                numbers.numeric(b, 476, 12);
                numbers.numeric(b, 488, 12);
            } else {
                Numbers times = new Numbers();
                if (b[345] != 0) {
                    times.numeric(b, 345, 12);
                }
                if (b[357] != 0) {
                    times.numeric(b, 357, 12);
                }
                if (times.invalid) {
                    String old = cString(b, 345, 155);
                    prefix = old.chars().allMatch(c -> c < 0x80) ? old : "";
                }
            }
            if (!prefix.isEmpty()) {
                name = prefix + "/" + name;
            }
        }
        if (numbers.invalid) {
            throw corrupt(at, "a number in it is neither octal nor base-256");
        }
        return new Header(type, name, link, size, mode);
    }

    /** Go's numeric fields: base-256 when the high bit is set, else octal between blanks and NULs. */
    private static final class Numbers {
        boolean invalid;

        long numeric(byte[] b, int offset, int length) {
            if ((b[offset] & 0x80) != 0) {
                int inv = (b[offset] & 0x40) != 0 ? 0xff : 0;
                long x = 0;
                for (int i = 0; i < length; i++) {
                    int c = (b[offset + i] & 0xff) ^ inv;
                    if (i == 0) {
                        c &= 0x7f;
                    }
                    if ((x >>> 56) > 0) {
                        invalid = true;
                        return 0;
                    }
                    x = x << 8 | c;
                }
                if ((x >>> 63) > 0) {
                    invalid = true;
                    return 0;
                }
                return inv == 0xff ? ~x : x;
            }
            return octal(b, offset, length);
        }

        long octal(byte[] b, int offset, int length) {
            int start = offset;
            int end = offset + length;
            while (start < end && (b[start] == ' ' || b[start] == 0)) {
                start++;
            }
            while (end > start && (b[end - 1] == ' ' || b[end - 1] == 0)) {
                end--;
            }
            if (start == end) {
                return 0;
            }
            String digits = cString(b, start, end - start);
            if (digits.isEmpty() || digits.length() > 22 || !digits.chars().allMatch(c -> c >= '0' && c <= '7')) {
                invalid = true;
                return 0;
            }
            try {
                return Long.parseUnsignedLong(digits, 8);
            } catch (NumberFormatException e) {
                invalid = true;
                return 0;
            }
        }
    }

    /** Go's {@code parsePAXRecord}, record after record: {@code "%d %s=%s\n"}, the length counting the whole record. */
    private static Map<String, String> parsePax(byte[] data, long at) throws IOException {
        Map<String, String> records = new HashMap<>();
        int start = 0;
        while (start < data.length) {
            int space = start;
            while (space < data.length && data[space] != ' ') {
                space++;
            }
            if (space == data.length) {
                throw corrupt(at, "a PAX record has no length");
            }
            long length;
            try {
                length = Long.parseLong(new String(data, start, space - start, StandardCharsets.ISO_8859_1));
            } catch (NumberFormatException e) {
                throw corrupt(at, "a PAX record's length is not a number");
            }
            if (length < 5 || length > data.length - start || length <= space - start + 1
                    || data[start + (int) length - 1] != '\n') {
                throw corrupt(at, "a PAX record's length does not fit it");
            }
            int recordEnd = start + (int) length - 1;
            int equals = space + 1;
            while (equals < recordEnd && data[equals] != '=') {
                equals++;
            }
            if (equals == recordEnd || equals == space + 1) {
                throw corrupt(at, "a PAX record has no key");
            }
            String key = new String(data, space + 1, equals - space - 1, StandardCharsets.UTF_8);
            String value = new String(data, equals + 1, recordEnd - equals - 1, StandardCharsets.UTF_8);
            boolean named = key.equals("path") || key.equals("linkpath") || key.equals("uname") || key.equals("gname");
            if (named ? value.indexOf('\0') >= 0 : key.indexOf('\0') >= 0) {
                throw corrupt(at, "a PAX record holds a NUL");
            }
            if (key.equals("GNU.sparse.offset") || key.equals("GNU.sparse.numbytes")) {
                records.put("GNU.sparse.map", "");
            } else {
                records.put(key, value);
            }
            start += (int) length;
        }
        return records;
    }

    private static long paxNumber(String value, long at, String key) throws IOException {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw corrupt(at, "its PAX " + key + " is not a number");
        }
    }

    private static String cString(byte[] b) {
        return cString(b, 0, b.length);
    }

    private static String cString(byte[] b, int offset, int length) {
        int end = offset;
        while (end < offset + length && b[end] != 0) {
            end++;
        }
        return new String(b, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static boolean zeros(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static long padded(long size) {
        return (size + BLOCK - 1) / BLOCK * BLOCK;
    }

    private void readFully(byte[] data, long at) throws IOException {
        int read = in.readNBytes(data, 0, data.length);
        position += read;
        if (read < data.length) {
            throw new EOFException("tar entry at byte " + at + " runs past the end (truncated)");
        }
    }

    /** Skips the pending padding; false when the tar ends inside it. */
    private boolean skipPadding() throws IOException {
        while (padding > 0) {
            long skipped = in.skip(padding);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    return false;
                }
                skipped = 1;
            }
            padding -= skipped;
            position += skipped;
        }
        return true;
    }

    private void skip(long count, long at) throws IOException {
        long left = count;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("tar entry at byte " + at + " runs past the end (truncated)");
                }
                skipped = 1;
            }
            left -= skipped;
            position += skipped;
        }
    }

    /** One entry's data: reads from the tar up to the entry's end, keeping the position. */
    private final class EntryData extends InputStream {
        private long left;
        private final long at;

        EntryData(long size, long at) {
            this.left = size;
            this.at = at;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(buffer, offset, (int) Math.min(length, left));
            if (n < 0) {
                throw new EOFException("tar entry at byte " + at + " runs past the end (truncated)");
            }
            left -= n;
            position += n;
            return n;
        }
    }

    private static IOException corrupt(long at, String why) {
        return new IOException("corrupt tar header at byte " + at + ": " + why);
    }
}
