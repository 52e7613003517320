package io.strata.orchestration.registry;

import io.strata.core.config.YamlNode;
import io.strata.core.error.StrataException;
import io.strata.orchestration.manifest.CronJobManifest;
import io.strata.orchestration.manifest.ManifestDocuments;
import io.strata.orchestration.manifest.ManifestReader;
import io.strata.orchestration.manifest.Manifests;
import io.strata.orchestration.manifest.NormalizedManifest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One CronJob as applied to the local scheduler: a row of the schedule registry.
 *
 * @param name {@code metadata.name}, the registry's key
 * @param pipeline the {@code strata.io/pipeline} annotation: the folder under {@code pipelines/} it runs
 * @param manifestPath the manifest's file, relative to the platform root, e.g. {@code k8s/customers-cronjob.yaml}
 * @param manifest the YAML text of the CronJob's document, as it was applied (comments included)
 * @param manifestHash {@link NormalizedManifest#hash} of that text when it was applied
 * @param fields the scheduling fields, copied out of the manifest for display
 * @param createdAt when the CronJob was first applied: its {@code creationTimestamp} for the scheduler
 * @param updatedAt when its row was last written
 * @param appliedByCommit the platform repository's commit that last wrote it
 */
public record RegisteredCronJob(String name, String pipeline, String manifestPath, String manifest, String manifestHash,
        ScheduleFields fields, Instant createdAt, Instant updatedAt, String appliedByCommit) {

    public RegisteredCronJob {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(manifestPath, "manifestPath");
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(manifestHash, "manifestHash");
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(appliedByCommit, "appliedByCommit");
    }

    /**
     * The CronJob, parsed from {@link #manifest} exactly as the scheduler must run it. Errors name
     * {@link #manifestPath} with lines counted from the document's first line.
     *
     * @throws StrataException when the text is not one valid CronJob: it was changed outside Strata,
     *     and {@code strata apply} restores it
     */
    public CronJobManifest cronJob() {
        Manifests read = ManifestReader.read(Path.of(manifestPath), manifest.getBytes(StandardCharsets.UTF_8));
        if (read.cronJobs().size() != 1 || !read.notes().isEmpty()) {
            throw new StrataException("the registry's manifest of CronJob `" + name + "` holds "
                    + read.cronJobs().size() + " CronJob(s) and " + read.notes().size() + " other document(s)",
                    "it was changed outside Strata: `strata apply` writes it again from " + manifestPath);
        }
        return read.cronJobs().get(0);
    }

    /** The manifest text as data, for comparing with another version of it. */
    public YamlNode document() {
        return ManifestDocuments.parse(Path.of(manifestPath), manifest);
    }

    /**
     * How this row disagrees with itself, which only an edit outside Strata can cause: the text's
     * hash is not the recorded one, the text is not one valid CronJob, or the name, pipeline or
     * scheduling columns are not the text's. Empty when the row is as Strata wrote it.
     */
    public List<String> outOfBand() {
        List<String> problems = new ArrayList<>();
        CronJobManifest parsed;
        try {
            if (!NormalizedManifest.hash(document()).equals(manifestHash)) {
                problems.add("its manifest text does not match manifest_hash");
            }
            parsed = cronJob();
        } catch (StrataException e) {
            problems.add("its manifest text is not one valid CronJob (" + e.getMessage() + ")");
            return problems;
        }
        if (!parsed.name().equals(name)) {
            problems.add("name is `" + name + "` but the manifest names `" + parsed.name() + "`");
        }
        String annotated = parsed.lineage().pipeline().orElse("");
        if (!annotated.equals(pipeline)) {
            problems.add("pipeline is `" + pipeline + "` but the manifest's annotation says `" + annotated + "`");
        }
        List<String> columns = ScheduleFields.of(parsed).changesTo(fields);
        if (!columns.isEmpty()) {
            problems.add("columns differ from the manifest: " + String.join(", ", columns));
        }
        return problems;
    }
}
