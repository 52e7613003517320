package io.strata.orchestration.image;

import io.strata.core.error.StrataException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Compiles a pipeline module with Maven and asks Maven for its runtime classpath. Maven, not
 * Strata, knows how the module builds (its plugins, its repositories, its settings); Strata only
 * takes what it produced: {@code target/classes} and the resolved jars, each left where Maven put
 * it. Tests are not run here: that is the pipeline's CI's job, before it builds images.
 */
public final class MavenModuleBuild {

    // Pinned, so a build never depends on whichever version the local metadata names latest.
    private static final String BUILD_CLASSPATH = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath";

    private final List<String> maven;

    /** @param maven the Maven command and any options of the caller's own, e.g. {@code [mvn]} or {@code [mvn, -o]} */
    public MavenModuleBuild(List<String> maven) {
        this.maven = List.copyOf(maven);
    }

    public ModuleOutput build(PipelineModule module) {
        Path workDir = module.directory().resolve("target").resolve("strata-image");
        Path classpathFile = workDir.resolve("classpath.txt");
        Path log = workDir.resolve("maven.log");
        try {
            Files.createDirectories(workDir);
            Files.deleteIfExists(classpathFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(maven);
        command.addAll(List.of("-B", "-q", "-f", module.directory().resolve("pom.xml").toString(), "-DskipTests",
                "process-classes", BUILD_CLASSPATH, "-Dmdep.outputFile=" + classpathFile,
                "-DincludeScope=runtime", "-Dmdep.pathSeparator=\n"));
        int exit;
        try {
            Process process = new ProcessBuilder(command).directory(module.directory().toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            process.getOutputStream().close();
            exit = process.waitFor();
        } catch (IOException e) {
            throw new StrataException("cannot run " + maven.get(0) + " to build pipeline `" + module.name() + "`: "
                    + e.getMessage(), "install Maven 3.8+ and put `mvn` on the PATH");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StrataException("interrupted while building pipeline `" + module.name() + "`");
        }
        if (exit != 0) {
            throw new StrataException("the Maven build of pipeline `" + module.name() + "` failed (exit " + exit + "):\n"
                    + tail(log), "the whole log is in " + log + "; run `mvn -f " + module.directory().resolve("pom.xml")
                    + " package` to see it directly");
        }
        Path classes = module.directory().resolve("target").resolve("classes");
        return new ModuleOutput(classes, readClasspath(classpathFile));
    }

    private static List<Path> readClasspath(Path file) {
        try {
            String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            return Arrays.stream(text.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).map(Path::of).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
