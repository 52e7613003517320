package io.strata.orchestration.kubernetes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.strata.core.error.StrataException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code strata render}: the exact objects {@code apply} would write, one YAML file per CronJob,
 * for GitOps controllers (Argo CD, Flux) that apply manifests themselves. Strata's bookkeeping
 * annotations ({@code strata.io/applied}, {@code strata.io/previous-image}) are not in them: they
 * record what Strata wrote, and here Strata writes nothing to the cluster.
 */
public final class RenderedManifests {

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build());

    private RenderedManifests() {}

    /** Writes {@code <name>.yaml} per CronJob into {@code directory}; returns the files, in order. */
    public static List<Path> write(List<ClusterCronJob> cronJobs, String environment, Path directory) {
        List<Path> files = new ArrayList<>();
        try {
            Files.createDirectories(directory);
            for (ClusterCronJob cronJob : cronJobs) {
                Path file = directory.resolve(cronJob.name() + ".yaml");
                Files.writeString(file, text(cronJob, environment), StandardCharsets.UTF_8);
                files.add(file);
            }
        } catch (IOException e) {
            throw new StrataException("cannot write manifests to " + directory + ": " + e.getMessage(),
                    "pass a folder that can be written with --out");
        }
        return files;
    }

    static String text(ClusterCronJob cronJob, String environment) {
        try {
            return "# Rendered by `strata render` for environment " + environment + " from " + cronJob.declared().path()
                    + ".\n# Edit that file, not this one: it is written again on every render.\n"
                    + YAML.writeValueAsString(cronJob.object());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
