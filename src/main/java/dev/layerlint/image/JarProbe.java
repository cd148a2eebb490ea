package dev.layerlint.image;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.jar.Manifest;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

/**
 * Looks inside a jar while its bytes pass in a layer stream. A jar is a zip whose directory is at its end, but the
 * layer can only be read forwards, so the zip's local headers are read in order, the entries' contents skipped, until
 * the jar shows what it is: a {@code BOOT-INF/lib/*.jar} entry (Spring Boot), {@link #MANY_NESTED_JARS} nested
 * {@code *.jar} entries, or the {@code pom.properties} of {@link #MANY_MERGED_ARTIFACTS} Maven artifacts (a shaded jar). At most {@link #MAX_ENTRIES} entries are read, and nothing of the jar is kept but the
 * manifest's first {@link #MAX_MANIFEST_BYTES} bytes while they are parsed. A stored entry whose size only a data
 * descriptor after it tells would have to be held to be passed, so such a jar stays undecided.
 */
final class JarProbe {

    static final int MANY_NESTED_JARS = 10;
    static final int MANY_MERGED_ARTIFACTS = 5;
    static final int MAX_ENTRIES = 20_000;
    static final int MAX_MANIFEST_BYTES = 64 * 1024;
    private static final String SPRING_BOOT_LIB = "BOOT-INF/lib/";

    private JarProbe() {
    }

    /** Whether a layer's file is looked into: a regular file named {@code *.jar} of at least {@code threshold} bytes. */
    static boolean wanted(LayerEntry.File file, long threshold) {
        return file.isRegular() && file.size() >= threshold && file.path().toLowerCase(Locale.ROOT).endsWith(".jar");
    }

    /**
     * Reads {@code content}, the file's bytes (it may end early), as far as needed; does not close it. A jar that is
     * not a readable zip is {@link JarLayout.Kind#UNDECIDED}.
     *
     * @throws IOException only when reading {@code content} itself fails (the layer is cut short or corrupt)
     */
    static JarLayout probe(LayerEntry.File file, InputStream content) throws IOException {
        Source source = new Source(content);
        int nested = 0;
        int merged = 0;
        Optional<String> springBoot = Optional.empty();
        JarLayout.Kind kind = JarLayout.Kind.UNDECIDED;
        try (ZipArchiveInputStream zip = new ZipArchiveInputStream(source, StandardCharsets.UTF_8.name(), true, false)) {
            for (int read = 0; read < MAX_ENTRIES; read++) {
                ZipArchiveEntry entry = zip.getNextEntry();
                if (entry == null) {
                    kind = read == 0 ? JarLayout.Kind.UNDECIDED : JarLayout.Kind.PLAIN;
                    break;
                }
                String name = entry.getName();
                if (name.equalsIgnoreCase("META-INF/MANIFEST.MF")) {
                    springBoot = springBootVersion(zip.readNBytes(MAX_MANIFEST_BYTES));
                } else if (name.startsWith("META-INF/maven/") && name.endsWith("/pom.properties")) {
                    merged++;
                    if (merged >= MANY_MERGED_ARTIFACTS) {
                        kind = JarLayout.Kind.MERGED;
                        break;
                    }
                } else if (!entry.isDirectory() && name.toLowerCase(Locale.ROOT).endsWith(".jar")) {
                    nested++;
                    if (name.startsWith(SPRING_BOOT_LIB)) {
                        kind = JarLayout.Kind.SPRING_BOOT;
                        break;
                    }
                    if (nested >= MANY_NESTED_JARS) {
                        kind = JarLayout.Kind.NESTED_JARS;
                        break;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof SourceFailure failure) {
                    throw failure.getCause();
                }
            }
            kind = JarLayout.Kind.UNDECIDED; // not a zip, or a corrupt or truncated one: nothing to say about it
        }
        return new JarLayout(file.path(), file.size(), kind, nested, merged, springBoot);
    }

    private static Optional<String> springBootVersion(byte[] manifest) {
        try {
            return Optional.ofNullable(new Manifest(new ByteArrayInputStream(manifest)).getMainAttributes().getValue("Spring-Boot-Version"))
                    .map(String::strip).filter(v -> !v.isEmpty());
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a manifest cut at the bound, or malformed: no version to tell
        }
    }

    /** A failure of the layer stream itself, told apart from what the zip reader makes of the bytes. */
    private static final class SourceFailure extends IOException {
        SourceFailure(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    /** The file's bytes: never closed by the zip reader, and with read failures marked as the layer's own. */
    private static final class Source extends FilterInputStream {
        Source(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw new SourceFailure(e);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (IOException e) {
                throw new SourceFailure(e);
            }
        }

        @Override
        public long skip(long count) throws IOException {
            try {
                return super.skip(count);
            } catch (IOException e) {
                throw new SourceFailure(e);
            }
        }

        @Override
        public void close() {
            // the layer stream goes on after the jar
        }
    }
}
