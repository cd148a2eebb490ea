package dev.layerlint.report;

import java.util.Objects;
import java.util.Optional;

/**
 * One image layer as the human-readable reports show it.
 *
 * @param index       0-based position in the image, base layers first
 * @param size        uncompressed size in bytes
 * @param wastedBytes bytes in this layer that a later layer deletes or overwrites
 * @param createdBy   the history entry's command, as Docker records it
 * @param file        the Dockerfile whose instruction made the layer, when known (relative to the base directory)
 * @param line        that instruction's first line, 0 when unknown
 */
public record LayerSummary(int index, long size, long wastedBytes, String createdBy, Optional<String> file, int line) {

    public LayerSummary {
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(file, "file");
    }

    /** {@code Dockerfile:7} when the instruction is known. */
    public Optional<String> instructionLocation() {
        return file.map(f -> line > 0 ? f + ":" + line : f);
    }
}
