package io.strata.orchestration.image;

import java.util.Objects;

/**
 * An image as found where it was pushed or written: what {@code strata build} compares with the
 * image it would build, and reports.
 *
 * @param digest the manifest's digest, {@code sha256:...}
 * @param contentHash the image's {@link ContentHash#LABEL} label, or null for an image Strata did not build
 * @param sizeBytes the compressed size of its layers (the base's included) and its config: what a pull transfers at most
 */
public record PublishedImage(String digest, String contentHash, long sizeBytes) {

    public PublishedImage {
        Objects.requireNonNull(digest, "digest");
    }
}
