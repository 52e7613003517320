package io.strata.orchestration.kubernetes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.strata.core.error.StrataException;
import io.strata.core.plan.Action;
import io.strata.core.plan.Change;
import java.net.HttpURLConnection;
import java.util.Map;
import java.util.Objects;

/**
 * Applies planned changes to the cluster, one object at a time, each checked against what the plan
 * saw. An update or delete first reads the object: gone, or with another resourceVersion than at
 * plan time, and it is refused ("re-plan"). The update then sends that resourceVersion, so that
 * the API server itself refuses a write that raced in between (409 Conflict). A create fails when
 * the name was taken meanwhile. Plain create/update rather than server-side apply: optimistic
 * concurrency on the whole object is what "apply exactly what was reviewed" needs.
 */
final class ClusterApplier {

    private final KubernetesClient client;

    ClusterApplier(KubernetesClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    void apply(Change change) {
        Map<String, String> a = change.attributes();
        String name = a.get(ClusterPlanner.NAME);
        String namespace = a.get(ClusterPlanner.NAMESPACE);
        Resource<CronJob> resource = client.batch().v1().cronjobs().inNamespace(namespace).withName(name);
        try {
            if (change.action() == Action.CREATE) {
                ObjectNode object = Json.parse(a.get(ClusterPlanner.OBJECT));
                client.batch().v1().cronjobs().inNamespace(namespace).resource(written(object, null, null)).create();
                return;
            }
            CronJob live = current(resource, change);
            if (change.action() == Action.DROP) {
                resource.lockResourceVersion(live.getMetadata().getResourceVersion()).delete();
                return;
            }
            ObjectNode object = Json.parse(a.get(ClusterPlanner.OBJECT));
            client.batch().v1().cronjobs().inNamespace(namespace)
                    .resource(written(object, live, a.get(ClusterPlanner.RESOURCE_VERSION))).update();
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
                throw moved(change, "the API server refused the write: " + e.getStatus().getMessage());
            }
            throw new StrataException("cannot " + change.action().name().toLowerCase(java.util.Locale.ROOT)
                    + " CronJob " + namespace + "/" + name + ": " + message(e),
                    "check the cluster's reachability and that the credentials may edit CronJobs in " + namespace);
        }
    }

    /** The live object, refused when it is gone or moved since the plan. */
    private static CronJob current(Resource<CronJob> resource, Change change) {
        CronJob live = resource.get();
        String planned = change.attribute(ClusterPlanner.RESOURCE_VERSION);
        if (live == null) {
            throw moved(change, "it was deleted since the plan");
        }
        if (!Objects.equals(planned, live.getMetadata().getResourceVersion())) {
            throw moved(change, "resourceVersion " + planned + " at plan time, " + live.getMetadata().getResourceVersion()
                    + " now");
        }
        return live;
    }

    /**
     * The object to write: the desired one with Strata's bookkeeping annotations. {@code applied}
     * is the object as written, so observe can tell a hand edit from a change in Git; the previous
     * image is kept for {@code strata rollback} when the pipeline's image changes.
     */
    static CronJob written(ObjectNode desired, CronJob live, String resourceVersion) {
        ObjectNode object = desired.deepCopy();
        ObjectNode annotations = object.withObjectProperty("metadata").withObjectProperty("annotations");
        String image = annotations.path(Labels.IMAGE).asText(null);
        String liveImage = live == null ? null : ClusterPlanner.annotation(live, Labels.IMAGE);
        String previous = live == null ? null : ClusterPlanner.annotation(live, Labels.PREVIOUS_IMAGE);
        if (liveImage != null && image != null && !liveImage.equals(image)) {
            previous = liveImage;
        }
        if (previous != null) {
            annotations.put(Labels.PREVIOUS_IMAGE, previous);
        }
        annotations.put(Labels.APPLIED, Json.compact(object));
        if (resourceVersion != null) {
            object.withObjectProperty("metadata").put("resourceVersion", resourceVersion);
        }
        return Json.convert(object, CronJob.class);
    }

    private static StrataException moved(Change change, String why) {
        return new StrataException("CronJob " + change.attribute(ClusterPlanner.NAMESPACE) + "/" + change.object()
                + " changed between plan and apply (" + why + "): nothing more was applied",
                "re-run `strata plan` to see the cluster as it is now, then apply that plan");
    }

    static String message(KubernetesClientException e) {
        return e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : e.getMessage();
    }
}
