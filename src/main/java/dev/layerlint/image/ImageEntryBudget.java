package dev.layerlint.image;

import dev.layerlint.text.Plural;

import java.io.IOException;

/**
 * How many file-system entries layerlint keeps for one image, all its layers together: each layer is bounded on its
 * own ({@link GoTarReader#MAX_ENTRIES}), and an archive of many such layers would otherwise fill any heap.
 */
final class ImageEntryBudget {

    /** The most entries kept for one image; real images hold up to a few hundred thousand. */
    static final long MAX_ENTRIES = 2_000_000;

    private final long max;
    private long kept;

    ImageEntryBudget() {
        this(MAX_ENTRIES);
    }

    ImageEntryBudget(long max) {
        this.max = max;
    }

    /** Counts a layer's entries; past the budget, an exception that says so. */
    void keep(LayerContent layer) throws IOException {
        kept += layer.entries().size();
        if (kept > max) {
            throw new IOException("its layers hold more than " + Plural.count(max, "entry", "entries")
                    + " together, the most layerlint reads for one image (see docs/limits.md)");
        }
    }
}
