package io.strata.orchestration.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.strata.core.error.StrataException;
import java.net.HttpURLConnection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code strata rollback PIPELINE [--to TAG]}: points the pipeline's live CronJobs back to the
 * previous image (kept by apply in {@code strata.io/previous-image}) or to TAG of the same
 * repository. Git is not changed, so {@code plan} shows the difference between Git and the cluster
 * until Git catches up (or the next apply rolls forward again). The write records itself in the
 * object ({@code strata.io/rollback}, and the applied copy), so observe does not take it for a
 * hand edit; the caller journals it.
 */
public final class Rollback {

    public static final String ANNOTATION = "strata.io/rollback";

    /**
     * One CronJob pointed at another image.
     *
     * @param name the CronJob
     * @param from the image it ran
     * @param to the image it runs now
     */
    public record Result(String name, String from, String to) {
        public Result {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    private final KubernetesClient client;
    private final String namespace;

    public Rollback(KubernetesClient client, String namespace) {
        this.client = Objects.requireNonNull(client, "client");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
    }

    /**
     * @param tag the tag to go to; empty for the previous image
     * @throws StrataException when the pipeline has no managed CronJob, no previous image is known,
     *     or a CronJob changed while being written
     */
    public List<Result> rollback(String pipeline, Optional<String> tag, Instant now) {
        List<CronJob> cronJobs;
        try {
            cronJobs = client.batch().v1().cronjobs().inNamespace(namespace)
                    .withLabel(Labels.MANAGED_BY, Labels.STRATA).withLabel(Labels.PIPELINE, pipeline).list().getItems();
        } catch (KubernetesClientException e) {
            throw new StrataException("cannot read namespace " + namespace + ": " + ClusterApplier.message(e),
                    "check that the cluster is reachable");
        }
        if (cronJobs.isEmpty()) {
            throw new StrataException("pipeline `" + pipeline + "` has no CronJob managed by Strata in namespace "
                    + namespace, "apply it first: rollback goes back to an image the cluster ran before");
        }
        // Every CronJob's target is settled before the first write, so a refusal writes nothing.
        List<Prepared> prepared = new ArrayList<>();
        for (CronJob cronJob : cronJobs) {
            prepared.add(prepare(cronJob, pipeline, tag, now));
        }
        List<Result> results = new ArrayList<>();
        for (Prepared p : prepared) {
            write(p, results);
            results.add(p.result());
        }
        return results;
    }

    /** A CronJob's rollback, ready to write. */
    private record Prepared(Result result, ObjectNode object) {}

    private Prepared prepare(CronJob live, String pipeline, Optional<String> tag, Instant now) {
        String name = live.getMetadata().getName();
        String current = ClusterPlanner.annotation(live, Labels.IMAGE);
        if (current == null) {
            throw new StrataException("CronJob " + name + " has no " + Labels.IMAGE + " annotation: its manifest names"
                    + " its image itself, not `${image:" + pipeline + "}`", "change the image in k8s/ and apply");
        }
        String target = tag.map(t -> repository(current) + ":" + t).orElseGet(() -> {
            String previous = ClusterPlanner.annotation(live, Labels.PREVIOUS_IMAGE);
            if (previous == null) {
                throw new StrataException("CronJob " + name + " has no previous image: Strata applied only one",
                        "name the image tag to go to: `strata rollback " + pipeline + " --to TAG`");
            }
            return previous;
        });
        ObjectNode object = FieldDiff.withoutServerFields(Json.tree(live));
        for (String list : List.of("initContainers", "containers")) {
            for (JsonNode container : object.at("/spec/jobTemplate/spec/template/spec").path(list)) {
                if (container.path("image").asText().equals(current)) {
                    ((ObjectNode) container).put("image", target);
                }
            }
        }
        ObjectNode annotations = object.withObjectProperty("metadata").withObjectProperty("annotations");
        annotations.put(Labels.IMAGE, target);
        annotations.put(Labels.PREVIOUS_IMAGE, current);
        annotations.put(ANNOTATION, "to " + target + " at " + now);
        // The applied copy is what Strata wrote: a rollback is not a hand edit.
        annotations.remove(Labels.APPLIED);
        annotations.put(Labels.APPLIED, Json.compact(object));
        object.withObjectProperty("metadata").put("resourceVersion", live.getMetadata().getResourceVersion());
        return new Prepared(new Result(name, current, target), object);
    }

    /** Writes one prepared rollback; a failure names the CronJobs {@code done} already rolled back. */
    private void write(Prepared p, List<Result> done) {
        String name = p.result().name();
        try {
            client.batch().v1().cronjobs().inNamespace(namespace).resource(Json.convert(p.object(), CronJob.class)).update();
        } catch (KubernetesClientException e) {
            String written = done.isEmpty() ? "nothing was written"
                    : "already rolled back: " + String.join(", ", done.stream()
                            .map(r -> r.name() + " " + r.from() + " → " + r.to()).toList());
            if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
                throw new StrataException("CronJob " + name + " changed while rolling back: " + written,
                        "run the rollback again");
            }
            throw new StrataException("cannot update CronJob " + namespace + "/" + name + ": " + ClusterApplier.message(e)
                    + "; " + written, "check that the credentials may edit CronJobs in " + namespace);
        }
    }

    /** {@code host/path/customers} of {@code host/path/customers:tag} or {@code ...@sha256:...}. */
    static String repository(String image) {
        String withoutDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int colon = withoutDigest.lastIndexOf(':');
        return colon > withoutDigest.lastIndexOf('/') ? withoutDigest.substring(0, colon) : withoutDigest;
    }
}
