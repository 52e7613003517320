package io.strata.orchestration.image;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.RegistryUnauthorizedException;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import io.strata.core.config.ImageSettings;
import io.strata.core.error.StrataException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Hands an {@link ImagePlan} to Jib: the only class that knows Jib's builder. Jib makes the image
 * reproducible (files at 1970-01-01T00:00:01Z, sorted, fixed permissions; creation time the
 * epoch) and pushes only the layers a registry lacks. Images are written in the OCI format
 * whatever the target, so a tarball and a push of the same plan have the same digest.
 */
final class JibImageWriter {

    private final Path layersCache;
    private final String strataVersion;

    /** @param layersCache where Jib keeps the application layers it compressed, to skip that work next time */
    JibImageWriter(Path layersCache, String strataVersion) {
        this.layersCache = layersCache;
        this.strataVersion = strataVersion;
    }

    /** Builds and pushes (or writes) the image; returns its manifest digest. */
    String write(ImagePlan plan, String contentHash, String reference, ImageTarget target) {
        try {
            Map<String, String> labels = new HashMap<>(plan.labels());
            labels.put(ContentHash.LABEL, contentHash);
            JibContainerBuilder builder = from(plan.base(), target)
                    .setEntrypoint(plan.entrypoint())
                    .setUser(plan.user())
                    .setWorkingDirectory(AbsoluteUnixPath.get(plan.workingDirectory()))
                    .setLabels(labels)
                    .setFormat(ImageFormat.OCI)
                    .setCreationTime(Instant.EPOCH);
            for (ImageLayer layer : plan.layers()) {
                FileEntriesLayer.Builder files = FileEntriesLayer.builder().setName(layer.name());
                for (ImageLayer.File file : layer.files()) {
                    files.addEntry(file.source(), AbsoluteUnixPath.get(file.pathInContainer()));
                }
                builder.addFileEntriesLayer(files.build());
            }
            return builder.containerize(containerizer(reference, target)).getDigest().toString();
        } catch (InvalidImageReferenceException e) {
            throw new StrataException("not a valid image reference: " + e.getMessage(),
                    "check images.base and images.registry.url in strata.yaml");
        } catch (RegistryUnauthorizedException e) {
            throw new StrataException("the registry refused " + e.getImageReference() + ": " + e.getMessage(),
                    "check images.registry.username and password in strata.yaml");
        } catch (RegistryException | IOException | CacheDirectoryCreationException e) {
            throw new StrataException("building image " + reference + " failed: " + e.getMessage(),
                    "check that the base image and the registry are reachable");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new StrataException("building image " + reference + " failed: " + cause.getMessage(),
                    "check that the base image and the registry are reachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StrataException("interrupted while building image " + reference);
        }
    }

    private static JibContainerBuilder from(BaseImage base, ImageTarget target) throws InvalidImageReferenceException {
        if (base instanceof BaseImage.Tarball tar) {
            return Jib.from(TarImage.at(tar.file()));
        }
        return Jib.from(RegistryImage.named(((BaseImage.Registry) base).reference()));
    }

    private Containerizer containerizer(String reference, ImageTarget target) throws InvalidImageReferenceException {
        Containerizer containerizer;
        if (target instanceof ImageTarget.Registry registryTarget) {
            ImageSettings.Registry registry = registryTarget.registry();
            RegistryImage image = RegistryImage.named(reference);
            if (registry.username() != null) {
                image.addCredential(registry.username(), registry.password().reveal());
            }
            containerizer = Containerizer.to(image).setAllowInsecureRegistries(registry.insecure());
        } else {
            containerizer = Containerizer.to(TarImage.at(((ImageTarget.Tarball) target).file()).named(reference));
        }
        return containerizer.setApplicationLayersCache(layersCache)
                .setToolName("strata")
                .setToolVersion(strataVersion);
    }
}
