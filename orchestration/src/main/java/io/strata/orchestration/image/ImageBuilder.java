package io.strata.orchestration.image;

import io.strata.core.config.ImageSettings;
import io.strata.core.error.StrataException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Builds one pipeline's image: Maven build, plan, content hash; then, unless the target already
 * holds an image with this content hash under this tag, Jib builds and pushes (or writes) it. Steps
 * run in that order, each in its own class; this class only sequences them.
 */
public final class ImageBuilder {

    public static final String PIPELINE_LABEL = "io.strata.pipeline";
    public static final String VERSION_LABEL = "io.strata.version";
    public static final String REVISION_LABEL = "org.opencontainers.image.revision";

    private final String platformName;
    private final ImageSettings settings;
    private final MavenModuleBuild maven;
    private final JibImageWriter writer;
    private final String strataVersion;

    /**
     * @param platformName names the repositories of tarball images when no registry is declared
     * @param settings the environment's base image and registry
     * @param stateDirectory where Jib may cache the layers it built, e.g. {@code .strata/images}
     */
    public ImageBuilder(String platformName, ImageSettings settings, MavenModuleBuild maven, Path stateDirectory,
            String strataVersion) {
        this.platformName = platformName;
        this.settings = settings;
        this.maven = maven;
        this.writer = new JibImageWriter(stateDirectory.resolve("layers"), strataVersion);
        this.strataVersion = strataVersion;
    }

    public BuildResult build(PipelineModule module, ImageTarget target) {
        long start = System.nanoTime();
        ImagePlan plan = plan(module);
        String hash = ContentHash.of(plan);
        String tag = ContentHash.tag(hash);
        String repository = repository(module.name());
        String reference = repository + ":" + tag;
        Optional<PublishedImage> existing = find(target, repository, tag, reference);
        if (existing.isPresent() && hash.equals(existing.get().contentHash())) {
            return result(module, reference, existing.get(), BuildResult.Outcome.UNCHANGED, start);
        }
        String digest = writer.write(plan, hash, reference, target);
        PublishedImage written = find(target, repository, tag, reference).orElseThrow(() -> new StrataException(
                "image " + reference + " was pushed but the target does not show it", "build again"));
        if (!written.digest().equals(digest)) {
            throw new StrataException("image " + reference + " was built as " + digest + " but the target holds "
                    + written.digest() + ": something else pushed the same tag meanwhile", "build again");
        }
        return result(module, reference, written, BuildResult.Outcome.BUILT, start);
    }

    /**
     * The reference {@link #build} gives this pipeline's image, {@code <repository>:<content tag>},
     * computed without building the image or asking the target: Maven compiles the module and
     * resolves its classpath, and the tag is the content hash of what would go into the image. The
     * Kubernetes target fills {@code ${image:NAME}} with it; {@code strata build} pushes the image.
     */
    public String reference(PipelineModule module) {
        return repository(module.name()) + ":" + ContentHash.tag(ContentHash.of(plan(module)));
    }

    private ImagePlan plan(PipelineModule module) {
        ModuleOutput output = maven.build(module);
        return ImagePlanner.plan(module, output, BaseImage.parse(settings.base()), Map.of(
                PIPELINE_LABEL, module.name(),
                VERSION_LABEL, strataVersion,
                REVISION_LABEL, PipelineRevision.of(module.directory())));
    }

    /** {@code <registry>/<pipeline>} when a registry is declared, else {@code <platform>/<pipeline>}. */
    public String repository(String pipeline) {
        return settings.registryIfDeclared().map(r -> r.repository(pipeline))
                .orElse(platformName.toLowerCase(java.util.Locale.ROOT) + "/" + pipeline);
    }

    private static Optional<PublishedImage> find(ImageTarget target, String repository, String tag, String reference) {
        if (target instanceof ImageTarget.Registry registry) {
            String host = registry.registry().host();
            return RegistryImages.find(registry.registry(), repository.substring(host.length() + 1), tag);
        }
        return OciTarball.find(((ImageTarget.Tarball) target).file(), reference);
    }

    private static BuildResult result(PipelineModule module, String reference, PublishedImage image,
            BuildResult.Outcome outcome, long start) {
        return new BuildResult(module.name(), reference, image.digest(), outcome, image.sizeBytes(),
                Duration.ofNanos(System.nanoTime() - start));
    }
}
