package dev.layerlint.image;

/**
 * An image could not be read: a missing or dead {@code docker} CLI, an unknown image, a truncated
 * or corrupt archive, a blob the manifest needs but the archive lacks. The message names the
 * file or command and what is wrong.
 */
public class ImageReadException extends Exception {

    private static final long serialVersionUID = 1L;

    public ImageReadException(String message) {
        super(message);
    }

    public ImageReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
