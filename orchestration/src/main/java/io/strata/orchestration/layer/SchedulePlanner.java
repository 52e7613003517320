package io.strata.orchestration.layer;

import io.strata.core.config.YamlNode;
import io.strata.core.error.StrataException;
import io.strata.core.plan.Change;
import io.strata.orchestration.manifest.Lineage;
import io.strata.orchestration.manifest.NormalizedManifest;
import io.strata.orchestration.registry.RegisteredCronJob;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares the declared CronJobs with the registry, purely: a new name is created, a name whose
 * content differs is updated (the plan says which fields), a registered name that left
 * {@code k8s/} is removed. Content is compared in normalized form, so a comment or formatting edit
 * plans nothing; a row changed by hand is written again.
 */
final class SchedulePlanner {

    /** Paths whose change the field-by-field diff already shows. */
    private static final Set<String> SHOWN_AS_FIELDS = Set.of("spec.schedule", "spec.timeZone",
            "spec.concurrencyPolicy", "spec.suspend", "spec.startingDeadlineSeconds", "spec.jobTemplate.spec.backoffLimit",
            "spec.jobTemplate.spec.activeDeadlineSeconds", "metadata.annotations." + Lineage.PIPELINE);
    private static final int PATHS_SHOWN = 5;

    private SchedulePlanner() {}

    /** Creates and updates in declared order, then removals by name. */
    static List<Change> changes(DeclaredSchedules desired, List<RegisteredCronJob> registry) {
        Map<String, RegisteredCronJob> live = new LinkedHashMap<>();
        registry.forEach(row -> live.put(row.name(), row));
        List<Change> changes = new ArrayList<>();
        for (DeclaredCronJob cronJob : desired.cronJobs()) {
            RegisteredCronJob row = live.remove(cronJob.name());
            if (row == null) {
                changes.add(ScheduleChanges.create(cronJob));
            } else {
                List<String> differences = differences(cronJob, row);
                if (!differences.isEmpty()) {
                    changes.add(ScheduleChanges.update(cronJob, row, String.join("; ", differences)));
                }
            }
        }
        live.values().forEach(row -> changes.add(ScheduleChanges.delete(row)));
        return changes;
    }

    /** What an update changes, for people; empty when the row already is the declared CronJob. */
    static List<String> differences(DeclaredCronJob cronJob, RegisteredCronJob row) {
        List<String> differences = new ArrayList<>(row.fields().changesTo(cronJob.fields()));
        if (!row.pipeline().equals(cronJob.pipeline())) {
            differences.add("pipeline " + row.pipeline() + " → " + cronJob.pipeline());
        }
        if (!row.manifestPath().equals(cronJob.path())) {
            differences.add("file " + row.manifestPath() + " → " + cronJob.path());
        }
        List<String> outOfBand = row.outOfBand();
        if (!outOfBand.isEmpty()) {
            differences.add("changed outside Strata (" + String.join("; ", outOfBand) + "): written again from "
                    + cronJob.path());
            return differences;
        }
        if (!row.manifestHash().equals(cronJob.hash())) {
            List<String> paths = otherPaths(row, cronJob.tree());
            if (!paths.isEmpty() || differences.isEmpty()) {
                differences.add("manifest changed" + (paths.isEmpty() ? "" : ": " + shown(paths)));
            }
        }
        return differences;
    }

    private static List<String> otherPaths(RegisteredCronJob row, YamlNode declared) {
        YamlNode registered;
        try {
            registered = row.document();
        } catch (StrataException unreadable) {
            return List.of("(the registry's text does not parse)");
        }
        return NormalizedManifest.differences(registered, declared).stream()
                .filter(path -> !SHOWN_AS_FIELDS.contains(path)).toList();
    }

    private static String shown(List<String> paths) {
        String listed = String.join(", ", paths.subList(0, Math.min(PATHS_SHOWN, paths.size())));
        return paths.size() > PATHS_SHOWN ? listed + " and " + (paths.size() - PATHS_SHOWN) + " more" : listed;
    }
}
