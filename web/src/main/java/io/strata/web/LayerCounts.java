package io.strata.web;

import io.strata.access.AccessLayer;
import io.strata.access.model.AccessCatalog;
import io.strata.access.spec.AccessSpec;
import io.strata.orchestration.kubernetes.ClusterCronJob;
import io.strata.orchestration.kubernetes.DesiredCluster;
import io.strata.orchestration.kubernetes.LiveCluster;
import io.strata.orchestration.layer.DeclaredSchedules;
import io.strata.orchestration.layer.LiveSchedules;
import io.strata.orchestration.layer.OrchestrationLayer;
import io.strata.storage.StorageLayer;
import io.strata.storage.StorageState;
import io.strata.storage.migration.MigrationEntry;
import io.strata.storage.migration.MigrationSet;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the overview counts per layer, from the layer's desired and live states: migrations by
 * status and drifted objects, declared roles that exist, CronJobs declared and live. Empty when the
 * snapshot lacks the states (a layer not observed or not in use).
 */
final class LayerCounts {

    private LayerCounts() {}

    static Optional<String> of(String layer, Snapshot s) {
        return switch (layer) {
            case StorageLayer.NAME -> storage(s);
            case AccessLayer.NAME -> access(s);
            case OrchestrationLayer.NAME -> orchestration(s);
            default -> Optional.empty();
        };
    }

    /** The page that shows a layer, or empty when none does. */
    static Optional<String> page(String layer) {
        return switch (layer) {
            case StorageLayer.NAME -> Optional.of(StoragePage.ID);
            case AccessLayer.NAME -> Optional.of("access");
            case OrchestrationLayer.NAME -> Optional.of("pipelines");
            default -> Optional.empty();
        };
    }

    private static Optional<String> storage(Snapshot s) {
        Optional<StorageState> live = s.live(StorageState.class);
        Optional<MigrationSet> files = s.desired(MigrationSet.class);
        if (live.isEmpty() || files.isEmpty()) {
            return Optional.empty();
        }
        Map<MigrationEntry.Status, Integer> counts = new EnumMap<>(MigrationEntry.Status.class);
        MigrationEntry.of(files.get(), live.get().history()).forEach(e -> counts.merge(e.status(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        for (MigrationEntry.Status status : MigrationEntry.Status.values()) {
            int n = counts.getOrDefault(status, 0);
            // Applied and pending always, so that 0 pending reads as such; the problems only when there are some.
            if (n > 0 || !status.problem()) {
                parts.add(n + " " + status.label());
            }
        }
        parts.add(live.get().drift().items().size() + " object(s) changed by hand");
        return Optional.of("migrations: " + String.join(", ", parts));
    }

    private static Optional<String> access(Snapshot s) {
        Optional<AccessSpec> spec = s.desired(AccessSpec.class);
        Optional<AccessCatalog> live = s.live(AccessCatalog.class);
        if (spec.isEmpty() || live.isEmpty()) {
            return Optional.empty();
        }
        Set<String> declared = spec.get().roles().keySet();
        long existing = declared.stream().filter(live.get().roles()::containsKey).count();
        long privileges = live.get().grants().stream().filter(g -> declared.contains(g.grantee())).count();
        return Optional.of(existing + " of " + declared.size() + " declared role(s) exist; "
                + spec.get().grants().size() + " grant rule(s); " + privileges + " live privilege(s) held by declared roles");
    }

    private static Optional<String> orchestration(Snapshot s) {
        Optional<LiveSchedules> local = s.live(LiveSchedules.class);
        Optional<DeclaredSchedules> declared = s.desired(DeclaredSchedules.class);
        if (local.isPresent() && declared.isPresent()) {
            return Optional.of(declared.get().cronJobs().size() + " CronJob(s) declared, " + local.get().registry().size()
                    + " on the local scheduler");
        }
        Optional<LiveCluster> cluster = s.live(LiveCluster.class);
        Optional<DesiredCluster> desired = s.desired(DesiredCluster.class);
        if (cluster.isPresent() && desired.isPresent()) {
            Set<String> names = desired.get().cronJobs().stream().map(ClusterCronJob::name).collect(Collectors.toSet());
            long live = cluster.get().cronJobs().stream().filter(c -> names.contains(c.getMetadata().getName())).count();
            return Optional.of(names.size() + " CronJob(s) declared, " + live + " of them in namespace "
                    + cluster.get().namespace());
        }
        return Optional.empty();
    }
}
