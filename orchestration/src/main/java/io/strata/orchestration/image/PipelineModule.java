package io.strata.orchestration.image;

import io.strata.core.error.StrataException;
import io.strata.orchestration.local.Engine;
import io.strata.orchestration.local.EngineSettings;
import io.strata.orchestration.manifest.CronJobManifest;
import io.strata.orchestration.manifest.ImageReference;
import io.strata.orchestration.manifest.ManifestReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A pipeline of the platform: a folder {@code pipelines/<name>/} holding a {@code pom.xml}.
 *
 * @param name the folder's name, which is also the image's repository name
 * @param directory the Maven module the image is built from, absolute: the folder, or its
 *     engine's variant ({@code pipelines/<name>/spark/}) for a pipeline that runs on Spark
 * @param engine the engine it runs on, whose JVM flags the image's entrypoint carries
 */
public record PipelineModule(String name, Path directory, Engine engine) {

    public static final String FOLDER = "pipelines";

    public PipelineModule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(engine, "engine");
    }

    /** A pipeline on the plain engine. */
    public PipelineModule(String name, Path directory) {
        this(name, directory, Engine.PLAIN);
    }

    /**
     * This pipeline's module for the engine it runs on, decided as {@code strata run} decides it:
     * the engine the CronJobs of {@code k8s/} that run it declare ({@code strata.io/engine}), else
     * the module's own {@code strata.engine}; for Spark that is the variant
     * {@code pipelines/<name>/spark/}, so that the image carries Spark and a plain pipeline's does not.
     */
    public PipelineModule onItsEngine(Path root) {
        return onItsEngine(root, cronJobs(root));
    }

    /** {@link #onItsEngine(Path)} with the CronJobs of {@code k8s/} already read ({@link #cronJobs}), for many pipelines. */
    public PipelineModule onItsEngine(Path root, List<CronJobManifest> cronJobs) {
        Optional<Engine> declared = EngineSettings.forPipeline(name, cronJobs).engine();
        io.strata.orchestration.local.PipelineModule located =
                io.strata.orchestration.local.PipelineModule.locate(root, name, declared);
        return new PipelineModule(name, located.directory().toAbsolutePath().normalize(), located.declaredEngine());
    }

    /** The CronJobs of the platform's {@code k8s/}, which decide each pipeline's engine; none without the folder. */
    public static List<CronJobManifest> cronJobs(Path root) {
        Path k8s = root.resolve("k8s");
        return Files.isDirectory(k8s) ? ManifestReader.readDirectory(k8s).cronJobs() : List.of();
    }

    /** Every pipeline of the platform at {@code root}, by name; none when there is no pipelines folder. */
    public static List<PipelineModule> discover(Path root) {
        Path folder = root.resolve(FOLDER);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(dir -> Files.isRegularFile(dir.resolve("pom.xml")))
                    .map(dir -> new PipelineModule(dir.getFileName().toString(), dir.toAbsolutePath().normalize()))
                    .filter(p -> ImageReference.PIPELINE_NAME.matcher(p.name()).matches())
                    .sorted((a, b) -> a.name().compareTo(b.name()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The named pipelines, in the order given; all of them when {@code names} is empty. */
    public static List<PipelineModule> select(Path root, List<String> names) {
        List<PipelineModule> all = discover(root);
        if (names.isEmpty()) {
            if (all.isEmpty()) {
                throw new StrataException("no pipelines in " + root.resolve(FOLDER),
                        "a pipeline is a folder pipelines/<name>/ with a pom.xml");
            }
            return all;
        }
        List<PipelineModule> selected = new ArrayList<>();
        for (String name : names) {
            selected.add(all.stream().filter(p -> p.name().equals(name)).findFirst()
                    .orElseThrow(() -> new StrataException("no pipeline `" + name + "` in " + root.resolve(FOLDER),
                            all.isEmpty() ? "a pipeline is a folder pipelines/<name>/ with a pom.xml"
                                    : "known pipelines: " + String.join(", ", all.stream().map(PipelineModule::name).toList()))));
        }
        return selected;
    }
}
