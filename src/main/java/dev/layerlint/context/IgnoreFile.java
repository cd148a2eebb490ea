package dev.layerlint.context;

import dev.layerlint.text.InputFiles;
import dev.layerlint.text.Plural;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A parsed {@code .dockerignore} (or {@code <Dockerfile>.dockerignore}) file.
 *
 * <p>Lines are read exactly as Docker reads them (moby/patternmatcher {@code ignorefile.ReadAll},
 * then {@code patternmatcher.New}): a UTF-8 byte order mark on the first line is dropped; a line
 * whose first character is {@code #} is a comment (a {@code #} after leading blanks is not); white
 * space is trimmed; a leading {@code !} marks an exception; the rest is cleaned like Go's
 * {@code filepath.Clean} ({@code ./a} is {@code a}, {@code a/../b} is {@code b}, a trailing
 * {@code /} is dropped) and a leading {@code /} removed. Blank lines are skipped; line numbers
 * still count them.
 *
 * @param name     display name used in error messages, e.g. {@code app/.dockerignore}
 * @param patterns the effective patterns in file order
 */
public record IgnoreFile(String name, List<IgnorePattern> patterns) {

    private static final String SYNTAX_ERROR = "syntax error in pattern";

    public IgnoreFile {
        Objects.requireNonNull(name, "name");
        patterns = List.copyOf(patterns);
    }

    /** An ignore file without patterns: everything in the context is sent. */
    public static IgnoreFile empty(String name) {
        return new IgnoreFile(name, List.of());
    }

    /** The largest ignore file read, in bytes. */
    public static final long MAX_FILE_BYTES = 4L << 20;
    /** The most patterns an ignore file may have. */
    public static final int MAX_PATTERNS = 10_000;
    /** The longest pattern read, in characters: four times the longest path Linux accepts. */
    public static final int MAX_PATTERN_LENGTH = 16_384;

    /**
     * Reads and parses {@code file}, a regular file of at most {@link #MAX_FILE_BYTES}; the display name in errors
     * is the path as given.
     */
    public static IgnoreFile parse(Path file) throws IgnoreFileException {
        String name = file.toString();
        byte[] bytes;
        try {
            bytes = InputFiles.read(file, MAX_FILE_BYTES);
        } catch (InputFiles.InputFileException e) {
            throw new IgnoreFileException(name, e.getMessage(), e);
        } catch (IOException e) {
            throw new IgnoreFileException(name, "cannot read: " + e.getMessage(), e);
        }
        // Docker compares raw bytes; here malformed UTF-8 is read as U+FFFD rather than refused.
        return parse(name, new String(bytes, StandardCharsets.UTF_8));
    }

    /** Parses ignore-file text; {@code name} is the display name used in errors. */
    public static IgnoreFile parse(String name, String content) throws IgnoreFileException {
        try {
            return parse(name, new StringReader(content));
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }
    }

    private static IgnoreFile parse(String name, Reader reader) throws IOException, IgnoreFileException {
        List<IgnorePattern> patterns = new ArrayList<>();
        LineReader lines = new LineReader(reader);
        int lineNumber = 0;
        for (String line = lines.next(); line != null; line = lines.next()) {
            lineNumber++;
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.length() > MAX_PATTERN_LENGTH) {
                throw new IgnoreFileException(name, lineNumber, "the line is longer than " + Plural.count(MAX_PATTERN_LENGTH,
                        "character") + ", the longest pattern layerlint reads (see docs/limits.md)");
            }
            String readerPattern = normaliseLine(line);
            if (!readerPattern.isEmpty() && patterns.size() == MAX_PATTERNS) {
                throw new IgnoreFileException(name, lineNumber, "more than " + Plural.count(MAX_PATTERNS, "pattern")
                        + ", the most layerlint reads from an ignore file (see docs/limits.md)");
            }
            if (!readerPattern.isEmpty()) {
                patterns.add(toPattern(name, lineNumber, readerPattern));
            }
        }
        return new IgnoreFile(name, patterns);
    }

    /** {@code ignorefile.ReadAll} for one line: the pattern it hands on, or "" for none. */
    private static String normaliseLine(String line) {
        if (line.startsWith("#")) {
            return "";
        }
        String pattern = GoPaths.trimSpace(line);
        if (pattern.isEmpty()) {
            return "";
        }
        boolean invert = pattern.charAt(0) == '!';
        if (invert) {
            pattern = GoPaths.trimSpace(pattern.substring(1));
        }
        if (!pattern.isEmpty()) {
            pattern = GoPaths.clean(pattern);
            if (pattern.length() > 1 && pattern.charAt(0) == '/') {
                pattern = pattern.substring(1);
            }
        }
        return invert ? "!" + pattern : pattern;
    }

    /**
     * {@code patternmatcher.New} for one pattern. It trims and cleans once more, now with the
     * {@code !} still attached, which is why {@code !../a} ends up as the plain pattern {@code a}.
     */
    private static IgnorePattern toPattern(String name, int line, String readerPattern) throws IgnoreFileException {
        String pattern = GoPaths.clean(GoPaths.trimSpace(readerPattern));
        boolean exception = pattern.charAt(0) == '!';
        if (exception) {
            if (pattern.length() == 1) {
                throw new IgnoreFileException(name, line, "illegal exclusion pattern: \"!\"");
            }
            pattern = pattern.substring(1);
        }
        if (!GoPaths.isValidGlob(pattern)) {
            throw new IgnoreFileException(name, line, SYNTAX_ERROR + " \"" + pattern + "\"");
        }
        // a pattern whose regular expression Go rejects passes here, as in Docker: the walk reports
        // it when a path is first checked against it (see PatternMatcher)
        return new IgnorePattern(line, pattern, exception);
    }

    /** Splits like Go's {@code bufio.ScanLines}: at {@code \n} only, dropping one {@code \r} before it. */
    private static final class LineReader {
        private final Reader reader;
        private final StringBuilder line = new StringBuilder();
        private boolean eof;

        LineReader(Reader reader) {
            this.reader = reader;
        }

        String next() throws IOException {
            if (eof) {
                return null;
            }
            line.setLength(0);
            int c;
            while ((c = reader.read()) != -1 && c != '\n') {
                line.append((char) c);
            }
            if (c == -1) {
                eof = true;
                if (line.isEmpty()) {
                    return null;
                }
            }
            int length = line.length();
            if (length > 0 && line.charAt(length - 1) == '\r') {
                line.setLength(length - 1);
            }
            return line.toString();
        }
    }
}
