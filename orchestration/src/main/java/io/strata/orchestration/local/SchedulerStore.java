package io.strata.orchestration.local;

import io.strata.core.error.StrataException;
import io.strata.core.layer.Database;
import io.strata.orchestration.registry.PlatformTables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local scheduler's tables in the platform database: each CronJob's state
 * ({@code strata.scheduler_state}) and every decision ({@code strata.scheduler_decisions}); on
 * MariaDB/MySQL {@code strata_scheduler_*} in the url's database. Created on first use. Each call
 * uses its own short connection, so a database that went away for a while costs only the calls
 * made meanwhile.
 */
public final class SchedulerStore {

    private final Database database;
    private final SchedulerTables tables;
    /** The platform tables' time columns, read and written as the schedule registry's are. */
    private final PlatformTables times;
    /** Once seen, the tables are not looked for again: they are never dropped while a scheduler runs. */
    private volatile boolean tablesExist;
    /** The state columns {@link #readState} reads, without a WHERE. */
    private final String selectState;

    public SchedulerStore(Database database) {
        this.database = database;
        this.tables = SchedulerTables.forDialect(database.dialect());
        this.times = PlatformTables.of(database.dialect());
        this.selectState = "SELECT cronjob, creation_time, last_schedule_time, active FROM " + tables.state();
    }

    public Optional<StoredSchedule> load(String cronJob) {
        return query(selectState + " WHERE cronjob = ?", cronJob, this::readState).stream().findFirst();
    }

    /** Every CronJob's state, by name, in one query: what the scheduler reads on each look. */
    public Map<String, StoredSchedule> loadAll() {
        Map<String, StoredSchedule> states = new HashMap<>();
        for (StoredSchedule state : query(selectState, null, this::readState)) {
            states.put(state.cronJob(), state);
        }
        return states;
    }

    private StoredSchedule readState(ResultSet rs) throws SQLException {
        return new StoredSchedule(rs.getString(1), times.instant(rs, "creation_time"),
                Optional.ofNullable(times.instant(rs, "last_schedule_time")), StoredSchedule.parseActive(rs.getString(4)));
    }

    public void save(StoredSchedule schedule, Instant now) {
        update(tables.upsertState(), s -> {
            s.setString(1, schedule.cronJob());
            s.setObject(2, times.bind(schedule.creationTime()));
            s.setObject(3, times.bind(schedule.lastScheduleTime().orElse(null)));
            s.setString(4, schedule.activeText());
            s.setObject(5, times.bind(now));
        });
    }

    public void record(SchedulerDecision decision) {
        update("INSERT INTO " + tables.decisions() + " (decided_at, cronjob, pipeline, decision, scheduled_time, run_id,"
                + " message) VALUES (?, ?, ?, ?, ?, ?, ?)", s -> {
                    s.setObject(1, times.bind(decision.at()));
                    s.setString(2, decision.cronJob());
                    s.setString(3, decision.pipeline());
                    s.setString(4, decision.kind().value());
                    s.setObject(5, times.bind(decision.scheduledTime().orElse(null)));
                    s.setString(6, decision.runId());
                    s.setString(7, decision.message());
                });
    }

    /** The decisions about {@code cronJob} ({@code *}: the scheduler's own), oldest first. */
    public List<SchedulerDecision> decisions(String cronJob) {
        return query("SELECT decided_at, cronjob, pipeline, decision, scheduled_time, run_id, message FROM "
                + tables.decisions() + " WHERE cronjob = ? ORDER BY id", cronJob, rs -> new SchedulerDecision(
                        times.instant(rs, "decided_at"), rs.getString(2), rs.getString(3),
                        SchedulerDecision.Kind.parse(rs.getString(4)), Optional.ofNullable(times.instant(rs, "scheduled_time")),
                        rs.getString(6), rs.getString(7)));
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private void update(String sql, Binder binder) {
        try (Connection c = database.connect()) {
            ensureTables(c);
            try (PreparedStatement s = c.prepareStatement(sql)) {
                binder.bind(s);
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** The rows of {@code sql}, its one {@code ?} bound to {@code parameter} unless that is null (no {@code ?}). */
    private <T> List<T> query(String sql, String parameter, Reader<T> reader) {
        List<T> rows = new ArrayList<>();
        try (Connection c = database.connect()) {
            ensureTables(c);
            try (PreparedStatement s = c.prepareStatement(sql)) {
                if (parameter != null) {
                    s.setString(1, parameter);
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(reader.read(rs));
                    }
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return rows;
    }

    private StrataException failure(SQLException e) {
        return new StrataException("the scheduler cannot use " + tables.state() + " and " + tables.decisions() + " on "
                + database.displayUrl() + ": " + e.getMessage(), "check that the platform database is up", e);
    }

    private void ensureTables(Connection c) throws SQLException {
        if (tablesExist) {
            return;
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(tables.existsQuery())) {
            if (rs.next() && rs.getBoolean(1)) {
                tablesExist = true;
                return;
            }
        }
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (String sql : tables.create()) {
                s.execute(sql);
            }
        }
        c.commit();
        c.setAutoCommit(true);
        tablesExist = true;
    }
}
