package io.strata.orchestration.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.tools.jib.api.Credential;
import com.google.cloud.tools.jib.api.DescriptorDigest;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.event.EventHandlers;
import com.google.cloud.tools.jib.http.FailoverHttpClient;
import com.google.cloud.tools.jib.image.json.BuildableManifestTemplate;
import com.google.cloud.tools.jib.image.json.ManifestTemplate;
import com.google.cloud.tools.jib.registry.ManifestAndDigest;
import com.google.cloud.tools.jib.registry.RegistryClient;
import io.strata.core.config.ImageSettings;
import io.strata.core.error.StrataException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;

/**
 * Asks a registry what a tag holds, through Jib's own registry client so that every registry
 * Jib pushes to (token or basic login, HTTPS, or plain HTTP on this machine) answers here too.
 */
final class RegistryImages {

    private RegistryImages() {}

    /**
     * The image under {@code tag} in {@code repository} (the path after the host), or empty when
     * the tag does not exist.
     */
    static Optional<PublishedImage> find(ImageSettings.Registry registry, String repository, String tag) {
        FailoverHttpClient http = new FailoverHttpClient(registry.insecure(), false, event -> {});
        try {
            RegistryClient.Factory factory = RegistryClient.factory(EventHandlers.NONE, registry.host(), repository, http);
            if (registry.username() != null) {
                factory.setCredential(Credential.from(registry.username(), registry.password().reveal()));
            }
            RegistryClient client = factory.newRegistryClient();
            if (!client.doPullBearerAuth() && registry.username() != null) {
                client.configureBasicAuth();
            }
            Optional<ManifestAndDigest<ManifestTemplate>> found = client.checkManifest(tag);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            String digest = found.get().getDigest().toString();
            if (!(found.get().getManifest() instanceof BuildableManifestTemplate manifest)) {
                return Optional.of(new PublishedImage(digest, null, 0)); // a manifest list: not one Strata pushes
            }
            long size = manifest.getContainerConfiguration().getSize();
            for (BuildableManifestTemplate.ContentDescriptorTemplate layer : manifest.getLayers()) {
                size += layer.getSize();
            }
            DescriptorDigest configDigest = manifest.getContainerConfiguration().getDigest();
            ByteArrayOutputStream config = new ByteArrayOutputStream();
            client.pullBlob(configDigest, ignored -> {}, ignored -> {}).writeTo(config);
            JsonNode label = new ObjectMapper().readTree(config.toByteArray()).path("config").path("Labels")
                    .get(ContentHash.LABEL);
            return Optional.of(new PublishedImage(digest, label == null ? null : label.asText(), size));
        } catch (IOException | RegistryException e) {
            throw new StrataException("cannot read " + registry.host() + "/" + repository + ":" + tag + ": " + e.getMessage(),
                    "check that the registry is reachable and the credentials in strata.yaml are right");
        } finally {
            try {
                http.shutDown();
            } catch (IOException ignored) {
                // Closing idle connections; nothing was left to lose.
            }
        }
    }
}
