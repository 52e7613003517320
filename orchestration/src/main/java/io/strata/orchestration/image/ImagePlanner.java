package io.strata.orchestration.image;

import com.google.cloud.tools.jib.api.MainClassFinder;
import io.strata.core.error.StrataException;
import io.strata.orchestration.local.Engine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Lays a pipeline's build output out as image layers, least likely to change first, so that a
 * changed class rebuilds and pushes only the small last layer:
 * <ol>
 *   <li>{@code dependencies}: released jars, which change when the pom does;
 *   <li>{@code snapshot-dependencies}: {@code -SNAPSHOT} jars, which change with their own builds;
 *   <li>{@code resources}: everything in {@code target/classes} that is not a class;
 *   <li>{@code classes}: the compiled classes.
 * </ol>
 * The layout is Jib's own for Maven projects ({@code /app/libs}, {@code /app/resources},
 * {@code /app/classes}), so an image reads the same as one {@code jib:build} would make.
 */
public final class ImagePlanner {

    public static final String APP = "/app";
    /** The conventional non-root user of distroless images; numeric, so Kubernetes' runAsNonRoot can check it. */
    public static final String USER = "65532";

    /** The main of a Spark pipeline's image, in {@code strata-pipeline-spark}; the pipeline's main is its first argument. */
    public static final String SPARK_ENTRY = "io.strata.pipeline.spark.SparkEntry";

    private static final String SPARK_LIBRARY = "strata-pipeline-spark";

    private static final java.util.regex.Pattern MAIN_CLASS =
            java.util.regex.Pattern.compile("<mainClass>\\s*([^<]*?)\\s*</mainClass>");

    private ImagePlanner() {}

    /**
     * The plan for one pipeline.
     *
     * @param labels the image's labels; {@link ContentHash#LABEL} is added later, by the builder
     * @throws StrataException when the module has no main class or more than one, or two jars share a name
     */
    public static ImagePlan plan(PipelineModule module, ModuleOutput output, BaseImage base, Map<String, String> labels) {
        List<ImageLayer.File> releases = new ArrayList<>();
        List<ImageLayer.File> snapshots = new ArrayList<>();
        Map<String, Path> byName = new HashMap<>();
        for (Path jar : output.dependencies()) {
            String name = jar.getFileName().toString();
            Path other = byName.putIfAbsent(name, jar);
            if (other != null) {
                throw new StrataException("pipeline `" + module.name() + "` has two dependencies named " + name + ": "
                        + other + " and " + jar, "exclude one of them in " + module.directory().resolve("pom.xml"));
            }
            (isSnapshot(jar) ? snapshots : releases).add(new ImageLayer.File(jar, APP + "/libs/" + name));
        }
        List<ImageLayer.File> resources = new ArrayList<>();
        List<ImageLayer.File> classes = new ArrayList<>();
        List<Path> classFiles = new ArrayList<>();
        Path root = output.classesDirectory();
        for (Path file : files(root)) {
            String relative = root.relativize(file).toString().replace('\\', '/');
            if (relative.endsWith(".class")) {
                classes.add(new ImageLayer.File(file, APP + "/classes/" + relative));
                classFiles.add(file);
            } else {
                resources.add(new ImageLayer.File(file, APP + "/resources/" + relative));
            }
        }
        List<ImageLayer> layers = new ArrayList<>();
        addIfAny(layers, "dependencies", releases);
        addIfAny(layers, "snapshot-dependencies", snapshots);
        addIfAny(layers, "resources", resources);
        addIfAny(layers, "classes", classes);
        // The engine's flags (Spark's --add-opens) are the launcher's, as in `strata run`: no manifest repeats them.
        List<String> entrypoint = new ArrayList<>();
        entrypoint.add("java");
        entrypoint.addAll(module.engine().jvmOptions());
        entrypoint.addAll(List.of("-cp", APP + "/resources:" + APP + "/classes:" + APP + "/libs/*"));
        if (module.engine() == Engine.SPARK) {
            // Spark starts executor pods from this image with the argument `executor` and no command of
            // its own: SparkEntry runs the pipeline's main, or an executor when given that argument.
            requireSparkEntry(module, output);
            entrypoint.add(SPARK_ENTRY);
        }
        entrypoint.add(mainClass(module, classFiles));
        return new ImagePlan(module.name(), base, layers, entrypoint, USER, APP, labels);
    }

    private static void requireSparkEntry(PipelineModule module, ModuleOutput output) {
        if (output.dependencies().stream().noneMatch(jar -> jar.getFileName().toString().startsWith(SPARK_LIBRARY))) {
            throw new StrataException("the Spark variant of pipeline `" + module.name() + "` does not depend on "
                    + SPARK_LIBRARY + ", whose " + SPARK_ENTRY + " its image starts",
                    "add the dependency io.strata:" + SPARK_LIBRARY + " to " + module.directory().resolve("pom.xml"));
        }
    }

    private static boolean isSnapshot(Path jar) {
        Path version = jar.getParent() == null ? null : jar.getParent().getFileName();
        return jar.getFileName().toString().contains("-SNAPSHOT")
                || (version != null && version.toString().endsWith("-SNAPSHOT"));
    }

    private static void addIfAny(List<ImageLayer> layers, String name, List<ImageLayer.File> files) {
        if (!files.isEmpty()) {
            layers.add(new ImageLayer(name, files));
        }
    }

    private static String mainClass(PipelineModule module, List<Path> classFiles) {
        MainClassFinder.Result result = MainClassFinder.find(classFiles, event -> {});
        return switch (result.getType()) {
            case MAIN_CLASS_FOUND -> result.getFoundMainClass();
            case MAIN_CLASS_NOT_FOUND -> throw new StrataException("pipeline `" + module.name()
                    + "` has no class with a `public static void main(String[])`",
                    "a pipeline is one main: add it under " + module.directory().resolve("src/main/java"));
            case MULTIPLE_MAIN_CLASSES -> declaredMainClass(module).filter(result.getFoundMainClasses()::contains)
                    .orElseThrow(() -> new StrataException("pipeline `" + module.name() + "` has more than one main class: "
                            + String.join(", ", result.getFoundMainClasses()), "a pipeline is one main: keep one and move"
                            + " the others to another module, or name it in the pom's <mainClass>"));
        };
    }

    /**
     * The one {@code <mainClass>} the module's {@code pom.xml} names (its jar plugin's manifest), if
     * it names exactly one: a Spark variant compiles the plain pipeline's sources too, so it holds
     * the plain {@code Main} beside its own, and its pom says which one its jar runs.
     */
    private static java.util.Optional<String> declaredMainClass(PipelineModule module) {
        Path pom = module.directory().resolve("pom.xml");
        if (!Files.isRegularFile(pom)) {
            return java.util.Optional.empty();
        }
        try {
            List<String> named = MAIN_CLASS.matcher(Files.readString(pom)).results().map(m -> m.group(1)).distinct().toList();
            return named.size() == 1 ? java.util.Optional.of(named.get(0)) : java.util.Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pom, e);
        }
    }

    private static List<Path> files(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
