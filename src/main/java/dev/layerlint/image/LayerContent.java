package dev.layerlint.image;

import java.util.List;

/**
 * What streaming one layer blob yields.
 *
 * @param entries     the tar's entries, in order
 * @param size        uncompressed size as {@code docker history} counts it
 * @param blobSize    bytes of the blob as stored
 * @param compression how the blob is stored
 * @param jars        what the large jars among the entries are, in entry order
 */
record LayerContent(List<LayerEntry> entries, long size, long blobSize, Compression compression, List<JarLayout> jars) {
    LayerContent {
        entries = List.copyOf(entries);
        jars = List.copyOf(jars);
    }
}
