package dev.layerlint.image;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a layer's tar, in archive order. Paths are absolute and normalised
 * ({@code /usr/bin/env}, never {@code ./usr/bin/env} or a trailing slash).
 */
public sealed interface LayerEntry {

    /** The path the entry concerns: the file itself, the deleted path, or the opaque directory. */
    String path();

    /** A file, directory, link or device added or replaced by the layer. */
    record File(String path, FileType type, long size, int mode, Optional<String> linkTarget) implements LayerEntry {
        public File {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(linkTarget, "linkTarget");
        }

        public boolean isRegular() {
            return type == FileType.REGULAR;
        }

        /** Whether any execute bit is set (owner, group or other). */
        public boolean isExecutable() {
            return (mode & 0111) != 0;
        }

        /**
         * The bytes this entry adds to its layer's size: a regular file's size, a symbolic link's
         * target length; hard links (their data counts once, under the name the tar stores it),
         * directories and devices count nothing. Summed over a layer this is what Docker measures on
         * disk for a layer the classic builder committed, its {@code docker history} size.
         */
        public long diskSize() {
            return switch (type) {
                case REGULAR -> size;
                case SYMLINK -> linkTarget.map(target -> (long) target.getBytes(StandardCharsets.UTF_8).length).orElse(0L);
                case DIRECTORY, HARDLINK, OTHER -> 0L;
            };
        }
    }

    /** A {@code .wh.NAME} file: the layer deletes {@code path} (and everything below it) from the layers beneath. */
    record Whiteout(String path) implements LayerEntry {
        public Whiteout {
            Objects.requireNonNull(path, "path");
        }
    }

    /** A {@code .wh..wh..opq} file: the layer hides everything the layers beneath put into directory {@code path}. */
    record OpaqueWhiteout(String path) implements LayerEntry {
        public OpaqueWhiteout {
            Objects.requireNonNull(path, "path");
        }
    }

    /** Kinds of file a layer tar carries. */
    enum FileType { REGULAR, DIRECTORY, SYMLINK, HARDLINK, OTHER }
}
