package dev.layerlint.image;

import java.util.Optional;

/** The files of an image layout (a {@code docker save} tar or an OCI layout), by their path inside it. */
interface BlobStore {

    /** The archive or directory, for messages. */
    String describe();

    /** A small JSON file (manifest, index, config); empty when absent. */
    Optional<byte[]> metadata(String path) throws ImageReadException;

    /** A layer blob, streamed into its entries; empty when absent. */
    Optional<LayerContent> layer(String path) throws ImageReadException;
}
