package dev.layerlint.image;

/**
 * The image is not there (yet): the daemon does not know the reference, or the archive or layout does not exist.
 * A build that makes the image after {@code verify} meets this on every plain {@code mvn verify}.
 */
public final class ImageNotFoundException extends ImageReadException {

    private static final long serialVersionUID = 1L;

    public ImageNotFoundException(String message) {
        super(message);
    }
}
