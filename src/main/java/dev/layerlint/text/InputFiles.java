package dev.layerlint.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a user's file only when it is a regular file (a FIFO would block, {@code /dev/zero} never ends),
 * and never more than a limit: the size is checked before the file is opened and again while it is
 * read, so a file that grows meanwhile is still cut off.
 */
public final class InputFiles {

    private InputFiles() {
    }

    /** A file that is not a regular file or is larger than its limit; the message names neither path nor content. */
    public static final class InputFileException extends IOException {
        public InputFileException(String message) {
            super(message);
        }
    }

    /**
     * Checks that {@code file} (after symbolic links) is a regular file of at most {@code maxBytes}.
     *
     * @return its size
     */
    public static long checkRegular(Path file, long maxBytes) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw new InputFileException("is not a regular file but " + kind(attributes)
                    + ": layerlint reads only regular files here");
        }
        if (attributes.size() > maxBytes) {
            throw tooLarge(maxBytes);
        }
        return attributes.size();
    }

    /** The whole content of a regular file of at most {@code maxBytes}. */
    public static byte[] read(Path file, long maxBytes) throws IOException {
        checkRegular(file, maxBytes);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return bytes;
        }
    }

    private static InputFileException tooLarge(long maxBytes) {
        return new InputFileException("is larger than " + Plural.count(maxBytes, "byte")
                + ", the most layerlint reads for such a file (see docs/limits.md)");
    }

    private static String kind(BasicFileAttributes attributes) {
        if (attributes.isDirectory()) {
            return "a directory";
        }
        return attributes.isOther() ? "a FIFO, socket or device" : "a special file";
    }
}
