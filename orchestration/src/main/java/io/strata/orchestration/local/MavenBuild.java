package io.strata.orchestration.local;

import io.strata.core.error.StrataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a pipeline module with Maven when its jar is missing or older than its inputs:
 * {@code mvn -q -B -DskipTests package -f pipelines/<name>/pom.xml}, its output in a log file
 * whose path and last lines an error shows.
 *
 * @param executable {@code mvn} from the PATH, or the program {@value #VARIABLE} names
 */
public record MavenBuild(String executable) {

    /** Names another Maven executable (a wrapper, a pinned install). */
    public static final String VARIABLE = "STRATA_MAVEN";

    private static final int TAIL_LINES = 30;

    public MavenBuild {
        Objects.requireNonNull(executable, "executable");
    }

    public static MavenBuild from(Map<String, String> environment) {
        String configured = environment.get(VARIABLE);
        return new MavenBuild(configured == null || configured.isBlank() ? "mvn" : configured);
    }

    /** The module's runnable jar, built first when it is not up to date; the build's output goes to {@code log}. */
    public Path jar(PipelineModule module, Path log) {
        return module.upToDateJar().orElseGet(() -> {
            build(module, log);
            return module.runnableJar().orElseThrow(() -> new StrataException("the build of pipelines/"
                    + module.name() + " left no runnable jar in its target/ folder",
                    "make the module's package phase produce a jar whose manifest has a Main-Class"
                            + " (docs/pipelines.md: the shade plugin does); build log: " + log));
        });
    }

    private void build(PipelineModule module, Path log) {
        List<String> command = List.of(executable, "-q", "-B", "-DskipTests", "package",
                "-f", module.directory().resolve("pom.xml").toString());
        int exit;
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).directory(module.directory().toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            process.getOutputStream().close();
            exit = process.waitFor();
        } catch (IOException e) {
            throw new StrataException("cannot run `" + executable + "` to build pipelines/" + module.name() + ": "
                    + e.getMessage(), "install Maven 3.8+ or name its executable in " + VARIABLE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StrataException("the build of pipelines/" + module.name() + " was interrupted");
        }
        if (exit != 0) {
            throw new StrataException("the build of pipelines/" + module.name() + " failed (mvn exit " + exit
                    + "); its log is " + log + ", ending:\n" + LogTail.of(log, TAIL_LINES),
                    "fix the module so that `mvn package` passes in " + module.directory());
        }
    }
}
