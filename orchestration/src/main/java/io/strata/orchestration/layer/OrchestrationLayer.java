package io.strata.orchestration.layer;

import io.strata.core.error.StrataException;
import io.strata.core.layer.ApplyContext;
import io.strata.core.layer.Layer;
import io.strata.core.layer.LayerStatus;
import io.strata.core.layer.Target;
import io.strata.core.layer.Workspace;
import io.strata.core.plan.Change;
import io.strata.core.plan.LayerPlan;
import io.strata.orchestration.registry.PlatformTables;
import io.strata.orchestration.registry.RegisteredCronJob;
import io.strata.orchestration.registry.RegistryWrite;
import io.strata.orchestration.registry.ScheduleRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The orchestration layer for the local scheduler: the CronJobs of {@code k8s/} that name a
 * pipeline are declared; the schedule registry in the platform database is what is live; apply
 * writes the registry, from which the local scheduler takes the CronJobs it runs. Observe adds what
 * the pipelines' run records say: last run, next run and the freshness of the tables written.
 */
public final class OrchestrationLayer implements Layer<DeclaredSchedules, LiveSchedules> {

    public static final String NAME = "orchestration";

    private final PlatformTables tables;
    private final Clock clock;
    private final boolean suspendSchedules;

    /** The layer of an environment whose schedules run: see {@link #OrchestrationLayer(String, Clock, boolean)}. */
    public OrchestrationLayer(String dialect, Clock clock) {
        this(dialect, clock, false);
    }

    /**
     * @param dialect the platform database's dialect, {@code postgresql} or {@code mysql}
     * @param clock what now is; its zone is the scheduler's, in which a schedule without
     *     {@code timeZone} is read (the machine's zone, as the local scheduler reads it)
     * @param suspendSchedules the environment has {@code suspend_schedules: true}: every CronJob is
     *     declared, planned and registered with {@code spec.suspend: true}
     */
    public OrchestrationLayer(String dialect, Clock clock, boolean suspendSchedules) {
        this.tables = PlatformTables.of(dialect);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.suspendSchedules = suspendSchedules;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DeclaredSchedules declare(Workspace workspace) {
        return ScheduleFiles.read(workspace, suspendSchedules);
    }

    /**
     * In use when the platform has a {@code k8s/} or a {@code pipelines/} folder, even an empty
     * one: the registry must be read for the last CronJob's removal to be planned.
     */
    @Override
    public boolean inUse(DeclaredSchedules desired) {
        return desired.orchestrated();
    }

    @Override
    public LiveSchedules observe(Target target) {
        try (Connection c = target.database().connect()) {
            return new LiveSchedules(ScheduleRegistry.read(c, tables), RunHistory.read(c, tables), clock.instant(),
                    clock.getZone());
        } catch (SQLException e) {
            throw new StrataException("cannot read the schedule registry and run records on "
                    + target.database().displayUrl() + ": " + e.getMessage(),
                    "check that the database is reachable and the credentials are right");
        }
    }

    @Override
    public LayerPlan plan(DeclaredSchedules desired, LiveSchedules live) {
        return new LayerPlan(NAME, fingerprint(live), SchedulePlanner.changes(desired, live.registry()),
                desired.warnings());
    }

    /** SHA-256 over every column of every registry row, by name; run records do not count. */
    @Override
    public String fingerprint(LiveSchedules live) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (RegisteredCronJob row : live.registry()) {
                List<Object> fields = List.of(row.name(), row.pipeline(), row.manifestPath(), row.manifest(),
                        row.manifestHash(), row.fields().toString(), row.createdAt(), row.updatedAt(),
                        row.appliedByCommit());
                for (Object field : fields) {
                    // Each field ends with a NUL, so that adjacent fields cannot run together.
                    sha256.update((field + "\0").getBytes(StandardCharsets.UTF_8));
                }
            }
            return "sha256:" + HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public LayerStatus status(DeclaredSchedules desired, LiveSchedules live) {
        return ScheduleStatus.of(desired, live);
    }

    @Override
    public void apply(LayerPlan plan, Target target, ApplyContext context) {
        // Microseconds: what both dialects' time columns keep, so what is read back is what was written.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<RegistryWrite> writes = plan.changes().stream()
                .map(change -> ScheduleChanges.write(change, now, context.gitCommit()))
                .toList();
        ScheduleRegistry.write(target.database(), writes);
        for (Change change : plan.changes()) {
            context.progress().accept("orchestration: " + change.action().symbol() + " " + change.object() + " ("
                    + change.summary() + ")");
        }
    }
}
