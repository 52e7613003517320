package io.strata.orchestration.kubernetes;

import io.strata.orchestration.image.ImageBuilder;
import io.strata.orchestration.image.PipelineModule;
import io.strata.orchestration.manifest.CronJobManifest;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The image reference of each pipeline a manifest names in {@code ${image:NAME}}: what
 * {@code strata build} pushes it as, computed once per pipeline and command (a Maven build of the
 * module, no image build, no push). A plan made before {@code strata build} therefore already
 * shows the tag the build will push; applying it before the push makes the cluster pull an image
 * that is not there yet, which is why the README orders build before apply. A Spark pipeline's
 * image is its Spark variant's, as {@code strata build} makes it.
 */
public final class PipelineImages implements Function<String, String> {

    private final Path root;
    private final ImageBuilder builder;
    private final Map<String, String> references = new HashMap<>();
    private List<CronJobManifest> cronJobs;

    public PipelineImages(Path root, ImageBuilder builder) {
        this.root = Objects.requireNonNull(root, "root");
        this.builder = Objects.requireNonNull(builder, "builder");
    }

    @Override
    public String apply(String pipeline) {
        return references.computeIfAbsent(pipeline, name -> {
            if (cronJobs == null) {
                cronJobs = PipelineModule.cronJobs(root); // k8s/ read once per command, not once per pipeline
            }
            return builder.reference(PipelineModule.select(root, List.of(name)).get(0).onItsEngine(root, cronJobs));
        });
    }
}
