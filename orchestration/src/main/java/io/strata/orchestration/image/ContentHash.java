package io.strata.orchestration.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The SHA-256 of everything that goes into an image, computed before building it: the image's tag
 * is its first 16 hex digits, so an unchanged pipeline keeps its tag and is neither rebuilt nor
 * pushed nor redeployed. It covers the base image (a tarball by its bytes; a registry image by its
 * reference as written, so a base pinned with {@code @sha256:} changes the hash when the pin
 * does), every layer's files (path in the container and bytes), the entrypoint, user, working
 * directory and labels. File times and permissions are not inputs: Jib writes fixed ones
 * (1970-01-01T00:00:01Z, 644 files, 755 directories), which {@link #SCHEME} stands for; a Strata
 * version that changed them would change the scheme, and the Strata version is a label anyway.
 */
public final class ContentHash {

    /** The label carrying the full hash, so a tag found in a registry can be checked against it. */
    public static final String LABEL = "io.strata.content-hash";

    static final String SCHEME = "strata-image/1 jib-reproducible";

    private static final int TAG_LENGTH = 16;

    private ContentHash() {}

    /** {@code sha256:<64 hex digits>}. Reads every file of the plan (and a tarball base). */
    public static String of(ImagePlan plan) {
        MessageDigest digest = sha256();
        line(digest, SCHEME);
        line(digest, "base " + baseIdentity(plan.base()));
        for (ImageLayer layer : plan.layers()) {
            line(digest, "layer " + layer.name());
            for (ImageLayer.File file : layer.files()) {
                line(digest, "file " + file.pathInContainer() + " " + fileHash(file.source()));
            }
        }
        line(digest, "entrypoint " + String.join("\u0000", plan.entrypoint()));
        line(digest, "user " + plan.user());
        line(digest, "workdir " + plan.workingDirectory());
        for (Map.Entry<String, String> label : plan.labels().entrySet()) {
            line(digest, "label " + label.getKey() + "=" + label.getValue());
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    /** The image tag for a hash: its first 16 hex digits. */
    public static String tag(String hash) {
        return hash.substring("sha256:".length(), "sha256:".length() + TAG_LENGTH);
    }

    private static String baseIdentity(BaseImage base) {
        if (base instanceof BaseImage.Tarball tar) {
            return "tarball " + fileHash(tar.file());
        }
        return "registry " + ((BaseImage.Registry) base).reference();
    }

    private static void line(MessageDigest digest, String text) {
        // Each line ends with a newline and no value holds one, so no two inputs run together.
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
    }

    static String fileHash(Path file) {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
