package io.strata.orchestration.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the image an OCI layout tarball holds, as Jib writes one: {@code index.json} names the
 * manifest, whose config and layers are {@code blobs/sha256/<hex>} entries. Only the small JSON
 * entries are kept in memory; layers are skipped.
 */
final class OciTarball {

    private static final int BLOCK = 512;
    private static final long SMALL = 4 << 20;

    private final Map<String, byte[]> small;

    private OciTarball(Map<String, byte[]> small) {
        this.small = small;
    }

    /** The image in {@code file} when it exists, is an OCI tarball, and is named {@code reference}. */
    static Optional<PublishedImage> find(Path file, String reference) {
        OciTarball tar;
        try {
            tar = read(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return tar.image(reference);
    }

    private Optional<PublishedImage> image(String reference) {
        ObjectMapper json = new ObjectMapper();
        try {
            byte[] indexBytes = small.get("index.json");
            if (indexBytes == null) {
                return Optional.empty();
            }
            JsonNode manifestRef = json.readTree(indexBytes).path("manifests").path(0);
            if (!reference.equals(manifestRef.path("annotations").path("org.opencontainers.image.ref.name").asText())) {
                return Optional.empty();
            }
            String digest = manifestRef.path("digest").asText();
            byte[] manifest = blob(digest);
            if (manifest == null) {
                return Optional.empty();
            }
            JsonNode m = json.readTree(manifest);
            long size = m.path("config").path("size").asLong();
            for (JsonNode layer : m.path("layers")) {
                size += layer.path("size").asLong();
            }
            byte[] config = blob(m.path("config").path("digest").asText());
            JsonNode label = config == null ? null
                    : json.readTree(config).path("config").path("Labels").get(ContentHash.LABEL);
            return Optional.of(new PublishedImage(digest, label == null ? null : label.asText(), size));
        } catch (IOException e) {
            return Optional.empty(); // not JSON: not an image Strata wrote, so it is rebuilt
        }
    }

    private byte[] blob(String digest) {
        return small.get("blobs/" + digest.replace(':', '/'));
    }

    /** A plain ustar reader: Jib writes short names and no links, and PAX headers are skipped. */
    private static OciTarball read(Path file) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            byte[] header = new byte[BLOCK];
            while (in.readNBytes(header, 0, BLOCK) == BLOCK && header[0] != 0) {
                String name = text(header, 0, 100);
                String prefix = text(header, 345, 155);
                if (!prefix.isEmpty()) {
                    name = prefix + "/" + name;
                }
                long size = Long.parseLong(text(header, 124, 12).isEmpty() ? "0" : text(header, 124, 12), 8);
                long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
                char type = (char) header[156];
                if ((type == '0' || type == 0) && size <= SMALL) {
                    entries.put(name, in.readNBytes((int) size));
                    in.skipNBytes(padded - size);
                } else {
                    in.skipNBytes(padded);
                }
            }
        }
        return new OciTarball(entries);
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII).strip();
    }
}
