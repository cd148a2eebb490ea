package dev.layerlint.context;

import java.util.Objects;

/**
 * An ignore file that Docker would refuse: an invalid pattern, or a file that cannot be read.
 * The message names the file and, where there is one, the 1-based line.
 */
public final class IgnoreFileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;

    /**
     * @param file   the ignore file's display name
     * @param line   1-based line of the offending pattern, 0 when the problem concerns the whole file
     * @param reason what is wrong
     */
    public IgnoreFileException(String file, int line, String reason) {
        super((line > 0 ? file + ":" + line : file) + ": " + reason);
        this.file = Objects.requireNonNull(file, "file");
        this.line = line;
    }

    public IgnoreFileException(String file, String reason, Throwable cause) {
        this(file, 0, reason);
        initCause(cause);
    }

    /** The ignore file's display name. */
    public String file() {
        return file;
    }

    /** The 1-based line of the offending pattern, 0 when the problem concerns the whole file. */
    public int line() {
        return line;
    }
}
