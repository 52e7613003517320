package io.strata.orchestration.layer;

import io.strata.core.config.YamlNode;
import io.strata.orchestration.manifest.CronJobManifest;
import io.strata.orchestration.registry.ScheduleFields;
import java.util.Objects;

/**
 * A CronJob of {@code k8s/} that Strata schedules: it names its pipeline in {@code strata.io/pipeline}.
 *
 * @param manifest the CronJob, as the manifest reader checked it
 * @param path its file, relative to the platform root
 * @param document the YAML text of its document alone, comments included: what the registry keeps
 * @param tree that document as data, for comparing versions
 * @param hash the document's normalized hash: equal for any formatting of the same content
 */
public record DeclaredCronJob(CronJobManifest manifest, String path, String document, YamlNode tree, String hash) {

    public DeclaredCronJob {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(hash, "hash");
        if (manifest.lineage().pipeline().isEmpty()) {
            throw new IllegalArgumentException("CronJob " + manifest.name() + " names no pipeline");
        }
    }

    public String name() {
        return manifest.name();
    }

    public String pipeline() {
        return manifest.lineage().pipeline().orElseThrow();
    }

    public ScheduleFields fields() {
        return ScheduleFields.of(manifest);
    }
}
