package io.strata.orchestration.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.strata.core.plan.Action;
import io.strata.core.plan.Change;
import io.strata.orchestration.layer.OrchestrationLayer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares the desired CronJobs with the namespace's, purely: a name the cluster lacks is created,
 * a CronJob whose fields differ is updated (the summary names the image and schedule changes and
 * the other paths), a CronJob labelled managed-by strata that left {@code k8s/} is deleted, and
 * that is unsafe: a pipeline silently stops running. Every update and delete carries the
 * resourceVersion it was planned against, so apply refuses an object that moved meanwhile.
 */
final class ClusterPlanner {

    static final String NAME = "name";
    static final String NAMESPACE = "namespace";
    static final String PIPELINE = "pipeline";
    static final String PATH = "path";
    static final String OBJECT = "object";
    static final String RESOURCE_VERSION = "resource_version";
    static final String IMAGE = "image";

    private static final Set<String> FIELDS = Set.of("spec.schedule", "spec.timeZone", "spec.suspend",
            "spec.concurrencyPolicy", "spec.startingDeadlineSeconds");
    private static final int PATHS_SHOWN = 5;
    private static final String IMAGE_ANNOTATION = "metadata.annotations." + Labels.IMAGE;

    private ClusterPlanner() {}

    /** Creates and updates in declared order, then deletes by name. */
    static List<Change> changes(List<ClusterCronJob> desired, LiveCluster live) {
        Map<String, CronJob> byName = new LinkedHashMap<>();
        live.cronJobs().forEach(c -> byName.put(c.getMetadata().getName(), c));
        List<Change> changes = new ArrayList<>();
        for (ClusterCronJob cronJob : desired) {
            CronJob existing = byName.remove(cronJob.name());
            if (existing == null) {
                changes.add(change(Action.CREATE, cronJob, null, "pipeline " + cronJob.pipeline() + ", schedule \""
                        + cronJob.object().at("/spec/schedule").asText() + "\"" + cronJob.imageIfFilled()
                                .map(i -> ", image " + i).orElse("") + SparkOnKubernetes.options(cronJob.object())
                                .map(o -> ", spark " + o).orElse("") + ", " + cronJob.declared().path(), false));
                continue;
            }
            ObjectNode liveObject = Json.tree(existing);
            List<String> paths = FieldDiff.differences(cronJob.object(), liveObject);
            if (!LiveCluster.managed(existing)) {
                changes.add(change(Action.ALTER, cronJob, existing, "takes over a CronJob Strata did not create"
                        + (paths.isEmpty() ? "" : ": " + describe(paths, cronJob.object(), liveObject)), true));
            } else if (!paths.isEmpty()) {
                List<String> notes = new ArrayList<>();
                notes.add(describe(paths, cronJob.object(), liveObject));
                rollbackNote(existing).ifPresent(notes::add);
                handEdits(existing).ifPresent(edited -> notes.add("edited outside Strata (" + edited
                        + "): written again from " + cronJob.declared().path()));
                changes.add(change(Action.ALTER, cronJob, existing, String.join("; ", notes), false));
            }
        }
        byName.values().stream().filter(LiveCluster::managed).forEach(c -> changes.add(delete(c)));
        return changes;
    }

    /** What differs between the last write of Strata and the live object; empty when nothing does or Strata never wrote it. */
    static Optional<String> handEdits(CronJob live) {
        String applied = annotation(live, Labels.APPLIED);
        if (applied == null) {
            return Optional.empty();
        }
        ObjectNode liveObject = Json.tree(live);
        List<String> paths = FieldDiff.differences(Json.parse(applied), liveObject);
        return paths.isEmpty() ? Optional.empty() : Optional.of(shown(paths));
    }

    private static Optional<String> rollbackNote(CronJob live) {
        return Optional.ofNullable(annotation(live, Rollback.ANNOTATION))
                .map(at -> "rolled back by `strata rollback` (" + at + "); Git says otherwise");
    }

    static String annotation(CronJob cronJob, String key) {
        Map<String, String> annotations = cronJob.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(key);
    }

    private static Change change(Action action, ClusterCronJob cronJob, CronJob live, String summary, boolean unsafe) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(NAME, cronJob.name());
        attributes.put(NAMESPACE, cronJob.namespace());
        attributes.put(PIPELINE, cronJob.pipeline());
        attributes.put(PATH, cronJob.declared().path());
        attributes.put(OBJECT, Json.compact(cronJob.object()));
        cronJob.imageIfFilled().ifPresent(image -> attributes.put(IMAGE, image));
        if (live != null) {
            attributes.put(RESOURCE_VERSION, live.getMetadata().getResourceVersion());
        }
        return new Change(OrchestrationLayer.NAME, action, cronJob.name(), summary, "", false, unsafe, attributes);
    }

    private static Change delete(CronJob live) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(NAME, live.getMetadata().getName());
        attributes.put(NAMESPACE, live.getMetadata().getNamespace());
        String pipeline = live.getMetadata().getLabels().getOrDefault(Labels.PIPELINE, "?");
        attributes.put(PIPELINE, pipeline);
        attributes.put(RESOURCE_VERSION, live.getMetadata().getResourceVersion());
        return new Change(OrchestrationLayer.NAME, Action.DROP, live.getMetadata().getName(), "pipeline " + pipeline
                + ": managed by Strata but no longer in k8s/, so it is deleted from namespace "
                + live.getMetadata().getNamespace() + " and the pipeline stops running", "", false, true, attributes);
    }

    /** {@code image …:abc → …:def; schedule "0 3 * * *" → "0 4 * * *"; changed: spec.x, spec.y}. */
    static String describe(List<String> paths, JsonNode written, JsonNode live) {
        List<String> parts = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (String path : paths) {
            if (path.equals(IMAGE_ANNOTATION)) {
                continue; // mirrors the container's image, which is shown
            }
            JsonNode before = FieldDiff.at(live, path);
            JsonNode after = FieldDiff.at(written, path);
            if (path.endsWith(".image")) {
                parts.add(image(before.asText(), after.asText()));
            } else if (path.endsWith(".env") && !SparkOnKubernetes.options(written).equals(SparkOnKubernetes.options(live))) {
                // The Spark settings are one variable; shown whole, since they are what a reviewer checks.
                parts.add("spark " + SparkOnKubernetes.options(live).orElse("(unset)") + " → "
                        + SparkOnKubernetes.options(written).orElse("(unset)"));
                others.add(path);
            } else if (FIELDS.contains(path)) {
                String field = path.substring("spec.".length());
                parts.add(field + " " + value(before) + " → " + value(after));
            } else {
                others.add(path);
            }
        }
        if (!others.isEmpty()) {
            parts.add("changed: " + shown(others));
        }
        return String.join("; ", parts);
    }

    /** {@code image …:abc → …:def} when only the tag moved, else both references whole. */
    static String image(String before, String after) {
        int a = before.lastIndexOf(':');
        int b = after.lastIndexOf(':');
        if (a > 0 && b > 0 && before.substring(0, a).equals(after.substring(0, b)) && !before.substring(0, a).contains("@")) {
            return "image …" + before.substring(a) + " → …" + after.substring(b);
        }
        return "image " + before + " → " + after;
    }

    private static String value(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return "(unset)";
        }
        return node.isTextual() ? "\"" + node.asText() + "\"" : node.asText();
    }

    private static String shown(List<String> paths) {
        String listed = String.join(", ", paths.subList(0, Math.min(PATHS_SHOWN, paths.size())));
        return paths.size() > PATHS_SHOWN ? listed + " and " + (paths.size() - PATHS_SHOWN) + " more" : listed;
    }
}
