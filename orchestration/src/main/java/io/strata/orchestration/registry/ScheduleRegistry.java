package io.strata.orchestration.registry;

import io.strata.core.error.StrataException;
import io.strata.core.layer.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The schedule registry: the CronJobs {@code strata apply} gave the local scheduler, one row each,
 * in the platform database ({@code strata.schedules} on PostgreSQL, {@code strata_schedules} in
 * the connection's database on MySQL/MariaDB). The orchestration layer writes it; the local
 * scheduler reads it with {@link #read(Database)} and runs exactly what is there.
 */
public final class ScheduleRegistry {

    private static final String COLUMNS = "name, pipeline, manifest_path, manifest, manifest_hash, schedule, time_zone,"
            + " concurrency_policy, suspend, starting_deadline_seconds, backoff_limit, active_deadline_seconds,"
            + " created_at, updated_at, applied_by_commit";

    private ScheduleRegistry() {}

    /**
     * The applied CronJobs, by name; empty when nothing was ever applied (no table). Never writes.
     * Parse each one's manifest with {@link RegisteredCronJob#cronJob()}; its
     * {@link RegisteredCronJob#createdAt()} is the CronJob's creation time, from which its schedule
     * counts until it first runs.
     *
     * @throws StrataException when the database cannot be read
     */
    public static List<RegisteredCronJob> read(Database database) {
        try (Connection c = database.connect()) {
            return read(c, PlatformTables.of(database.dialect()));
        } catch (SQLException e) {
            throw new StrataException("cannot read the schedule registry on " + database.displayUrl() + ": "
                    + e.getMessage(), "check that the database is reachable and the credentials are right");
        }
    }

    /** {@link #read(Database)} on an open connection, e.g. within a larger observation. */
    public static List<RegisteredCronJob> read(Connection c, PlatformTables tables) throws SQLException {
        List<RegisteredCronJob> rows = new ArrayList<>();
        if (!tables.exists(c, tables.schedules())) {
            return rows;
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM " + tables.schedules() + " ORDER BY name")) {
            while (rs.next()) {
                rows.add(new RegisteredCronJob(rs.getString("name"), rs.getString("pipeline"),
                        rs.getString("manifest_path"), rs.getString("manifest"), rs.getString("manifest_hash"),
                        new ScheduleFields(rs.getString("schedule"), rs.getString("time_zone"),
                                rs.getString("concurrency_policy"), rs.getBoolean("suspend"),
                                nullableLong(rs, "starting_deadline_seconds"), rs.getInt("backoff_limit"),
                                nullableLong(rs, "active_deadline_seconds")),
                        tables.instant(rs, "created_at"), tables.instant(rs, "updated_at"),
                        rs.getString("applied_by_commit")));
            }
        }
        return rows;
    }

    /**
     * The orchestration layer's apply, under the environment's apply lock; nothing else writes the
     * registry. Makes the writes in one transaction, creating the table first when it is missing. A row that
     * is not as the plan saw it (already there for an insert, or gone or with another hash for an
     * update or delete) rolls everything back and is refused.
     */
    public static void write(Database database, List<RegistryWrite> writes) {
        PlatformTables tables = PlatformTables.of(database.dialect());
        try (Connection c = database.connect()) {
            // Before the transaction: MySQL commits DDL implicitly, and IF NOT EXISTS makes it idempotent.
            try (Statement s = c.createStatement()) {
                for (String sql : tables.createSchedules()) {
                    s.execute(sql);
                }
            }
            c.setAutoCommit(false);
            String current = "?";
            try {
                for (RegistryWrite write : writes) {
                    current = write.name();
                    if (execute(c, tables, write) != 1) {
                        throw conflict(current, null);
                    }
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                // An insert over an existing row breaks the primary key (SQLSTATE class 23).
                if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                    throw conflict(current, e);
                }
                throw e;
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StrataException("cannot write the schedule registry " + tables.schedules() + " on "
                    + database.displayUrl() + ": " + e.getMessage() + "; nothing was changed");
        }
    }

    private static int execute(Connection c, PlatformTables tables, RegistryWrite write) throws SQLException {
        if (write instanceof RegistryWrite.Insert insert) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + tables.schedules() + " (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                RegisteredCronJob row = insert.row();
                ps.setString(1, row.name());
                int next = bindContent(ps, 2, row);
                ps.setObject(next, tables.bind(row.createdAt()));
                ps.setObject(next + 1, tables.bind(row.updatedAt()));
                ps.setString(next + 2, row.appliedByCommit());
                return ps.executeUpdate();
            }
        }
        if (write instanceof RegistryWrite.Update update) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + tables.schedules() + " SET pipeline = ?,"
                    + " manifest_path = ?, manifest = ?, manifest_hash = ?, schedule = ?, time_zone = ?,"
                    + " concurrency_policy = ?, suspend = ?, starting_deadline_seconds = ?, backoff_limit = ?,"
                    + " active_deadline_seconds = ?, updated_at = ?, applied_by_commit = ?"
                    + " WHERE name = ? AND manifest_hash = ?")) {
                RegisteredCronJob row = update.row();
                int next = bindContent(ps, 1, row);
                ps.setObject(next, tables.bind(row.updatedAt()));
                ps.setString(next + 1, row.appliedByCommit());
                ps.setString(next + 2, row.name());
                ps.setString(next + 3, update.expectedHash());
                return ps.executeUpdate();
            }
        }
        RegistryWrite.Delete delete = (RegistryWrite.Delete) write;
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + tables.schedules()
                + " WHERE name = ? AND manifest_hash = ?")) {
            ps.setString(1, delete.name());
            ps.setString(2, delete.expectedHash());
            return ps.executeUpdate();
        }
    }

    /** Binds the columns from pipeline to active_deadline_seconds, from index {@code first} on; returns the next index. */
    private static int bindContent(PreparedStatement ps, int first, RegisteredCronJob row) throws SQLException {
        int i = first;
        ps.setString(i++, row.pipeline());
        ps.setString(i++, row.manifestPath());
        ps.setString(i++, row.manifest());
        ps.setString(i++, row.manifestHash());
        ScheduleFields f = row.fields();
        ps.setString(i++, f.schedule());
        ps.setString(i++, f.timeZone());
        ps.setString(i++, f.concurrencyPolicy());
        ps.setBoolean(i++, f.suspend());
        setLong(ps, i++, f.startingDeadlineSeconds());
        ps.setInt(i++, f.backoffLimit());
        setLong(ps, i++, f.activeDeadlineSeconds());
        return i;
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static StrataException conflict(String name, Throwable cause) {
        return new StrataException("the registry row of CronJob `" + name + "` changed since the plan was made"
                + " (another apply, or an edit by hand); nothing was applied",
                "re-run `strata plan`, review it, and apply again", cause);
    }
}
