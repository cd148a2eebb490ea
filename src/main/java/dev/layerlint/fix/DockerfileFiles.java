package dev.layerlint.fix;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Reads a Dockerfile to fix and writes the fixed text back: strictly UTF-8 (a file with other bytes is not rewritten,
 * so none of its bytes change), to a temporary file beside it that takes the file's permissions and is then moved in
 * place in one step, so that a reader sees the old file or the new one, never half of it.
 */
public final class DockerfileFiles {

    private DockerfileFiles() {
    }

    /** Why a file is not fixed: one sentence naming what to do. */
    public static final class FileException extends Exception {
        FileException(String message) {
            super(message, null, false, false);
        }
    }

    /** The text of {@code file}; {@code shown} is how messages name it. */
    public static String read(Path file, String shown) throws FileException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new FileException(shown + " cannot be read (" + describe(e) + "); nothing was changed");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new FileException(shown + " is not UTF-8 text, so it is not rewritten; nothing was changed");
        }
    }

    /**
     * Checks that {@code file} may be rewritten: it is writable, and its owner has not taken away the write permission
     * (which a build running as root could otherwise override).
     */
    public static void checkWritable(Path file, String shown) throws FileException {
        boolean ownerMayWrite = true;
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix != null) {
            try {
                ownerMayWrite = posix.readAttributes().permissions().contains(PosixFilePermission.OWNER_WRITE);
            } catch (IOException e) {
                throw new FileException(shown + " cannot be read (" + describe(e) + "); nothing was changed");
            }
        }
        if (!ownerMayWrite || !Files.isWritable(file)) {
            throw new FileException(shown + " is read-only, so layerlint:fix leaves it as it is; make it writable "
                    + "(chmod u+w) or see the changes with -Dlayerlint.fix.dryRun=true");
        }
    }

    /** Replaces the content of {@code file} (of the file it links to, for a symbolic link) with {@code text}, keeping its permissions. */
    public static void write(Path link, String shown, String text) throws FileException {
        checkWritable(link, shown);
        Path temp = null;
        try {
            Path file = link.toRealPath();
            Path directory = file.getParent();
            PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            Set<PosixFilePermission> permissions = posix == null ? null : posix.readAttributes().permissions();
            temp = Files.createTempFile(directory, "." + file.getFileName(), ".layerlint-fix");
            try (OutputStream out = Files.newOutputStream(temp)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
            if (permissions != null) {
                Files.setPosixFilePermissions(temp, permissions);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new FileException(shown + " cannot be rewritten (" + describe(e) + "); it was left as it was");
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the temporary file stays beside the Dockerfile; the Dockerfile itself is intact
                }
            }
        }
    }

    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
