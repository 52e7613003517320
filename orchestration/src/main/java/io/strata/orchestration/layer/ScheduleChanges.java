package io.strata.orchestration.layer;

import io.strata.core.plan.Action;
import io.strata.core.plan.Change;
import io.strata.orchestration.registry.RegisteredCronJob;
import io.strata.orchestration.registry.RegistryWrite;
import io.strata.orchestration.registry.ScheduleFields;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The orchestration layer's plan changes, and the registry writes they become. A change carries
 * everything its write needs in its attributes (the manifest text included), so a saved plan file
 * applies without the files it was made from.
 *
 * <p>Removing a CronJob is unsafe, so it needs {@code --allow-unsafe} or a reviewed plan: a
 * pipeline silently stops running. It is not destructive: no data is dropped, and the manifest is
 * in Git's history.
 */
final class ScheduleChanges {

    static final String NAME = "name";
    static final String PIPELINE = "pipeline";
    static final String PATH = "path";
    static final String MANIFEST = "manifest";
    static final String MANIFEST_HASH = "manifest_hash";
    static final String PREVIOUS_HASH = "previous_hash";

    private ScheduleChanges() {}

    static Change create(DeclaredCronJob cronJob) {
        return new Change(OrchestrationLayer.NAME, Action.CREATE, cronJob.name(), "pipeline " + cronJob.pipeline()
                + ", schedule " + cronJob.fields().describe() + ", " + cronJob.path(), "", false, false,
                attributes(cronJob, null));
    }

    static Change update(DeclaredCronJob cronJob, RegisteredCronJob row, String summary) {
        return new Change(OrchestrationLayer.NAME, Action.ALTER, cronJob.name(), summary, "", false, false,
                attributes(cronJob, row.manifestHash()));
    }

    static Change delete(RegisteredCronJob row) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(NAME, row.name());
        attributes.put(PIPELINE, row.pipeline());
        attributes.put(PATH, row.manifestPath());
        attributes.put(PREVIOUS_HASH, row.manifestHash());
        return new Change(OrchestrationLayer.NAME, Action.DROP, row.name(), "pipeline " + row.pipeline() + ", was "
                + row.manifestPath() + ": no longer in k8s/, so the local scheduler stops running it", "", false, true,
                attributes);
    }

    /** The registry write of a planned change; {@code now} stamps it, {@code commit} is what applies it. */
    static RegistryWrite write(Change change, Instant now, String commit) {
        Map<String, String> a = change.attributes();
        if (change.action() == Action.DROP) {
            return new RegistryWrite.Delete(a.get(NAME), a.get(PREVIOUS_HASH));
        }
        RegisteredCronJob row = new RegisteredCronJob(a.get(NAME), a.get(PIPELINE), a.get(PATH), a.get(MANIFEST),
                a.get(MANIFEST_HASH), ScheduleFields.fromAttributes(a), now, now, commit);
        return change.action() == Action.CREATE ? new RegistryWrite.Insert(row)
                : new RegistryWrite.Update(row, a.get(PREVIOUS_HASH));
    }

    private static Map<String, String> attributes(DeclaredCronJob cronJob, String previousHash) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(NAME, cronJob.name());
        attributes.put(PIPELINE, cronJob.pipeline());
        attributes.put(PATH, cronJob.path());
        attributes.put(MANIFEST, cronJob.document());
        attributes.put(MANIFEST_HASH, cronJob.hash());
        if (previousHash != null) {
            attributes.put(PREVIOUS_HASH, previousHash);
        }
        attributes.putAll(cronJob.fields().attributes());
        return attributes;
    }
}
