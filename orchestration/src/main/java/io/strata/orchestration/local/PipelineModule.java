package io.strata.orchestration.local;

import io.strata.core.error.StrataException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A pipeline's Maven module in a platform repository, {@code pipelines/<name>/}: where it is, the
 * runnable jar its build leaves in {@code target/}, and whether that jar is older than its inputs.
 *
 * @param name the pipeline's folder name
 * @param directory {@code <platform>/pipelines/<name>}, holding a {@code pom.xml}
 */
public record PipelineModule(String name, Path directory) {

    /** A folder name, never a path: no separators, no {@code .} or {@code ..}. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
    /** A property, not a plugin setting: Maven ignores it, and any pom editor shows it as plain text. */
    private static final Pattern ENGINE_PROPERTY = Pattern.compile("<strata\\.engine>\\s*([^<]*?)\\s*</strata\\.engine>");

    public PipelineModule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(directory, "directory");
    }

    /** The module of pipeline {@code name} in the platform at {@code root}, or an error listing those that exist. */
    public static PipelineModule locate(Path root, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new StrataException("`" + shorten(String.valueOf(name)) + "` is not a pipeline name: expected a"
                    + " folder name under pipelines/ (letters, digits, `.`, `_`, `-`, starting with a letter or digit)",
                    hint(root));
        }
        Path directory = root.resolve("pipelines").resolve(name);
        if (!Files.isRegularFile(directory.resolve("pom.xml"))) {
            throw new StrataException("no pipeline `" + name + "`: " + root.relativize(directory)
                    + "/pom.xml does not exist", hint(root));
        }
        return new PipelineModule(name, directory);
    }

    /**
     * The module that runs pipeline {@code name} on {@code engine}: {@code pipelines/<name>/} when
     * that module is for the engine (its {@code strata.engine} property, plain when absent), else
     * its variant for the engine, {@code pipelines/<name>/<engine>/} (such as {@code spark/}),
     * which builds the pipeline's own sources with its own. No engine: the module's declared one.
     */
    public static PipelineModule locate(Path root, String name, Optional<Engine> engine) {
        PipelineModule module = locate(root, name);
        Engine declared = module.declaredEngine();
        if (engine.isEmpty() || engine.get() == declared) {
            return module;
        }
        Path variant = module.directory().resolve(engine.get().value());
        if (!Files.isRegularFile(variant.resolve("pom.xml"))) {
            throw new StrataException("pipeline `" + name + "` has no " + engine.get().value() + " variant: "
                    + root.relativize(variant) + "/pom.xml does not exist (pipelines/" + name + " is a "
                    + declared.value() + " pipeline)", "add the variant (docs/pipelines.md, section Spark), or run it on"
                    + " the " + declared.value() + " engine");
        }
        return new PipelineModule(name, variant);
    }

    /**
     * The engine this module's {@code pom.xml} declares in {@code <properties><strata.engine>};
     * plain when it declares none. A variant folder ({@code pipelines/<name>/spark/}) is for the
     * engine it is named after.
     */
    public Engine declaredEngine() {
        Path parent = directory.getParent();
        if (parent != null && Files.isRegularFile(parent.resolve("pom.xml"))) {
            for (Engine e : Engine.values()) {
                if (e.value().equals(directory.getFileName().toString())) {
                    return e;
                }
            }
        }
        Path pom = directory.resolve("pom.xml");
        String text;
        try {
            text = Files.readString(pom);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pom, e);
        }
        java.util.regex.Matcher declared = ENGINE_PROPERTY.matcher(text);
        return declared.find() ? Engine.parse(declared.group(1), pom + ", property strata.engine") : Engine.PLAIN;
    }

    /** The pipelines of the platform at {@code root}: the folders under {@code pipelines/} with a {@code pom.xml}. */
    public static List<String> list(Path root) {
        Path pipelines = root.resolve("pipelines");
        if (!Files.isDirectory(pipelines)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(pipelines)) {
            return folders.filter(f -> Files.isRegularFile(f.resolve("pom.xml")))
                    .map(f -> f.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + pipelines, e);
        }
    }

    /**
     * The runnable jar in {@code target/}: a jar whose manifest names a {@code Main-Class}, never
     * the {@code original-*.jar} the shade plugin leaves beside it; the newest when several are.
     */
    public Optional<Path> runnableJar() {
        Path target = directory.resolve("target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar"))
                    .filter(f -> !f.getFileName().toString().startsWith("original-"))
                    .filter(PipelineModule::hasMainClass)
                    .max(Comparator.comparing(PipelineModule::modified));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + target, e);
        }
    }

    /**
     * The runnable jar when it is newer than every file under {@code src/} and than {@code pom.xml};
     * empty when there is none or an input changed since it was built.
     */
    public Optional<Path> upToDateJar() {
        Optional<Path> jar = runnableJar();
        if (jar.isEmpty()) {
            return jar;
        }
        FileTime built = modified(jar.get());
        if (modified(directory.resolve("pom.xml")).compareTo(built) > 0) {
            return Optional.empty();
        }
        for (Path src : sources()) {
            try (Stream<Path> inputs = Files.walk(src)) {
                if (inputs.anyMatch(f -> modified(f).compareTo(built) > 0)) {
                    return Optional.empty();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + src, e);
            }
        }
        return jar;
    }

    /**
     * The source folders the jar is built from: {@code src/}, and for an engine's variant
     * ({@code pipelines/<name>/spark/}) also its pipeline's {@code src/}, which it compiles too.
     */
    private List<Path> sources() {
        List<Path> folders = new java.util.ArrayList<>();
        folders.add(directory.resolve("src"));
        Path parent = directory.getParent();
        if (parent != null && Files.isRegularFile(parent.resolve("pom.xml"))) {
            folders.add(parent.resolve("src"));
        }
        return folders.stream().filter(Files::isDirectory).toList();
    }

    private static boolean hasMainClass(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            return manifest != null && manifest.getMainAttributes().getValue(Attributes.Name.MAIN_CLASS) != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the modification time of " + file, e);
        }
    }

    private static String hint(Path root) {
        List<String> existing = list(root);
        return existing.isEmpty() ? "this platform has no pipelines: create pipelines/<name>/pom.xml"
                : "the pipelines are: " + String.join(", ", existing);
    }

    private static String shorten(String text) {
        return text.length() > 70 ? text.substring(0, 70) + "..." : text;
    }
}
