package io.strata.web;

import io.strata.access.audit.TableReaders;
import io.strata.access.model.AccessCatalog;
import io.strata.access.model.ObjectRef;
import io.strata.orchestration.kubernetes.ClusterCronJob;
import io.strata.orchestration.kubernetes.DesiredCluster;
import io.strata.orchestration.layer.DeclaredCronJob;
import io.strata.orchestration.layer.DeclaredSchedules;
import io.strata.orchestration.lineage.Direction;
import io.strata.orchestration.lineage.Edge;
import io.strata.orchestration.lineage.PipelineLineage;
import io.strata.orchestration.manifest.CronJobManifest;
import io.strata.orchestration.manifest.ImageReference;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the lineage page shows, gathered from the snapshot: the lineage graph, each pipeline's
 * CronJobs as the orchestration layer declares them (schedule, image), and each table's readers as
 * the access layer finds them live.
 *
 * @param pipelines in name order
 * @param tables in name order
 * @param mismatches every edge where the CronJobs and the runs differ
 * @param readersObserved whether the access layer's live state was observed (else no table lists its reader roles)
 */
record LineageView(List<PipelineNode> pipelines, List<TableNode> tables, Set<Edge> mismatches,
        boolean readersObserved) {

    /**
     * A CronJob that runs a pipeline.
     *
     * @param schedule the cron expression, with its time zone and {@code suspended} when so
     * @param images its containers' images: the one Strata built and filled in for {@code ${image:NAME}},
     *     or the reference as written when there is none yet
     */
    record CronJob(String name, String schedule, List<String> images) {
        CronJob {
            images = List.copyOf(images);
        }
    }

    record PipelineNode(PipelineLineage lineage, List<CronJob> cronJobs) {
        PipelineNode {
            cronJobs = List.copyOf(cronJobs);
        }

        String name() {
            return lineage.name();
        }
    }

    /**
     * A table.
     *
     * @param writers the edges of the pipelines that write it
     * @param readers the edges of the pipelines that read it
     * @param roles the roles that may read it; empty when the access layer was not observed
     * @param exists false when the live catalog has no such table (only meaningful when observed)
     */
    record TableNode(String name, List<Edge> writers, List<Edge> readers, List<TableReaders.Reader> roles,
            boolean exists) {
        TableNode {
            writers = List.copyOf(writers);
            readers = List.copyOf(readers);
            roles = List.copyOf(roles);
        }
    }

    LineageView {
        pipelines = List.copyOf(pipelines);
        tables = List.copyOf(tables);
        mismatches = Set.copyOf(mismatches);
    }

    static LineageView of(Snapshot snapshot) {
        Map<String, List<CronJob>> cronJobs = cronJobs(snapshot);
        List<PipelineNode> pipelines = new ArrayList<>();
        Set<Edge> mismatches = new HashSet<>();
        Map<String, List<Edge>> writers = new TreeMap<>();
        Map<String, List<Edge>> readers = new TreeMap<>();
        snapshot.lineage().tables().forEach(t -> {
            writers.put(t, new ArrayList<>());
            readers.put(t, new ArrayList<>());
        });
        for (PipelineLineage p : snapshot.lineage().pipelines()) {
            pipelines.add(new PipelineNode(p, cronJobs.getOrDefault(p.name(), List.of())));
            mismatches.addAll(p.mismatches());
            for (Edge e : p.edges()) {
                (e.direction() == Direction.WRITE ? writers : readers).computeIfAbsent(e.table(), t -> new ArrayList<>())
                        .add(e);
                (e.direction() == Direction.WRITE ? readers : writers).computeIfAbsent(e.table(), t -> new ArrayList<>());
            }
        }
        Optional<AccessCatalog> catalog = snapshot.live(AccessCatalog.class);
        Optional<TableReaders> access = catalog.map(TableReaders::of);
        List<TableNode> tables = new ArrayList<>();
        for (String table : writers.keySet()) {
            int dot = table.indexOf('.');
            String schema = dot < 0 ? "" : table.substring(0, dot);
            String name = table.substring(dot + 1);
            tables.add(new TableNode(table, writers.get(table), readers.get(table),
                    access.map(a -> a.of(schema, name)).orElse(List.of()),
                    catalog.map(c -> c.exists(ObjectRef.table(schema, name))).orElse(true)));
        }
        return new LineageView(pipelines, tables, mismatches, catalog.isPresent());
    }

    boolean mismatch(Edge edge) {
        return mismatches.contains(edge);
    }

    boolean mismatch(PipelineNode pipeline) {
        return pipeline.lineage().edges().stream().anyMatch(this::mismatch);
    }

    boolean mismatch(TableNode table) {
        return table.writers().stream().anyMatch(this::mismatch) || table.readers().stream().anyMatch(this::mismatch);
    }

    /** Why an edge is a mismatch, in the words the page uses everywhere. */
    static String mismatchWords(Edge edge) {
        return edge.declared() ? "declared, not observed" : "observed, not declared";
    }

    /**
     * The CronJobs per pipeline: a Kubernetes environment's desired cluster has the images filled
     * in; the local scheduler's declaration has them as written.
     */
    private static Map<String, List<CronJob>> cronJobs(Snapshot snapshot) {
        Map<String, List<CronJob>> out = new TreeMap<>();
        Optional<DesiredCluster> cluster = snapshot.desired(DesiredCluster.class);
        if (cluster.isPresent()) {
            for (ClusterCronJob job : cluster.get().cronJobs()) {
                List<String> images = job.imageIfFilled().map(List::of).orElseGet(() -> images(job.declared().manifest()));
                out.computeIfAbsent(job.pipeline(), p -> new ArrayList<>())
                        .add(new CronJob(job.name(), schedule(job.declared().manifest()), images));
            }
            return out;
        }
        snapshot.desired(DeclaredSchedules.class).ifPresent(declared -> {
            for (DeclaredCronJob job : declared.cronJobs()) {
                out.computeIfAbsent(job.pipeline(), p -> new ArrayList<>())
                        .add(new CronJob(job.name(), schedule(job.manifest()), images(job.manifest())));
            }
        });
        return out;
    }

    private static String schedule(CronJobManifest manifest) {
        StringBuilder out = new StringBuilder(manifest.schedule().schedule());
        manifest.schedule().timeZone().ifPresent(zone -> out.append(" (").append(zone).append(')'));
        if (manifest.schedule().suspend()) {
            out.append(", suspended");
        }
        return out.toString();
    }

    private static List<String> images(CronJobManifest manifest) {
        Set<String> images = new LinkedHashSet<>();
        manifest.containers().forEach(c -> images.add(c.image() instanceof ImageReference.Placeholder p
                ? p + " (the image Strata builds for " + p.pipeline() + ")" : c.image().toString()));
        return List.copyOf(images);
    }
}
