package io.strata.orchestration.testing;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

/**
 * Runnable jars for tests: a manifest naming a test main class and, as its class path, this test
 * JVM's own, so that {@code java -jar} (the only way Strata starts a pipeline) runs test code.
 */
public final class TestJars {

    private TestJars() {}

    /** Writes {@code jar} running {@code main} on the test class path. */
    public static Path runnable(Path jar, Class<?> main) throws IOException {
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.put(Attributes.Name.MAIN_CLASS, main.getName());
        attributes.put(Attributes.Name.CLASS_PATH, Arrays.stream(System.getProperty("java.class.path")
                .split(File.pathSeparator)).map(entry -> Path.of(entry).toAbsolutePath().toUri().toString())
                .collect(Collectors.joining(" ")));
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            return jar;
        }
    }

    /**
     * A pipeline module in {@code root}'s {@code pipelines/NAME/} whose jar is up to date (a pom,
     * no sources, the jar), running {@code main}: the scheduler starts it as it starts any pipeline.
     */
    public static Path pipeline(Path root, String name, Class<?> main) throws IOException {
        Path module = root.resolve("pipelines").resolve(name);
        Files.createDirectories(module);
        Files.writeString(module.resolve("pom.xml"), "<project/>\n");
        Files.setLastModifiedTime(module.resolve("pom.xml"), java.nio.file.attribute.FileTime.fromMillis(0));
        return runnable(module.resolve("target").resolve(name + ".jar"), main);
    }
}
