package io.strata.storage.catalog;

import io.strata.core.error.StrataException;
import io.strata.storage.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * Schema drift for the storage layer, in two calls: {@link #snapshot} after a successful apply,
 * {@link #drift} on plan and observe. Wiring only: an inspector and a snapshot store per dialect,
 * and the one {@link SchemaDiff}.
 *
 * <pre>
 * CatalogDrift drift = CatalogDrift.of(dialect.name());     // "postgresql" or "mysql"
 * drift.snapshot(connection);                               // after apply
 * SchemaDrift d = drift.drift(connection);                  // plan / observe: d.summary(), d.lines()
 * </pre>
 * Both calls take a connection the caller owns and leave it as they found it (auto-commit on is
 * the expected state; inside a caller's transaction they join it). SQL errors are the caller's to
 * wrap, with the database's display URL; a snapshot that cannot be read is a StrataException.
 */
public final class CatalogDrift {

    private final CatalogInspector inspector;
    private final CatalogSnapshots snapshots;
    private final CatalogScope scope;
    private final Clock clock;

    private CatalogDrift(CatalogInspector inspector, CatalogSnapshots snapshots, CatalogScope scope, Clock clock) {
        this.inspector = inspector;
        this.snapshots = snapshots;
        this.scope = scope;
        this.clock = clock;
    }

    public static CatalogDrift of(Dialect dialect) {
        return new CatalogDrift(CatalogInspector.of(dialect), CatalogSnapshots.of(dialect), CatalogScope.managed(),
                Clock.systemUTC());
    }

    /** By {@code StorageDialect.name()} / {@code Database.dialect()}: {@code postgresql} or {@code mysql}. */
    public static CatalogDrift of(String dialectName) {
        return of(switch (dialectName.toLowerCase(Locale.ROOT)) {
            case "postgresql" -> Dialect.POSTGRESQL;
            case "mysql", "mariadb" -> Dialect.MYSQL;
            default -> throw new StrataException("no catalog inspector for the dialect \"" + dialectName + "\"",
                    "schema drift is checked on postgresql and mysql");
        });
    }

    /** The same check over other schemas; snapshot and drift must use the same scope. */
    public CatalogDrift within(CatalogScope scope) {
        return new CatalogDrift(inspector, snapshots, scope, clock);
    }

    /** The same check with another clock for the snapshot time. */
    public CatalogDrift withClock(Clock clock) {
        return new CatalogDrift(inspector, snapshots, scope, clock);
    }

    /** Inspects the live catalog and stores it as the latest snapshot; returns what was stored. */
    public CatalogSnapshot snapshot(Connection c) throws SQLException {
        // The fingerprint and the catalog must describe the same moment: one snapshot of the server.
        return InTransaction.run(c, Connection.TRANSACTION_REPEATABLE_READ, () -> {
            String fingerprint = inspector.fingerprint(c, scope).orElse(null);
            // Microseconds: what the database keeps of the time, so every way of reading it agrees.
            CatalogSnapshot snapshot = new CatalogSnapshot(clock.instant().truncatedTo(ChronoUnit.MICROS),
                    inspector.inspect(c, scope));
            snapshots.save(c, snapshot, fingerprint);
            return snapshot;
        });
    }

    /** One snapshot read and one live inspection, compared. Never writes. */
    public SchemaDrift drift(Connection c) throws SQLException {
        Optional<CatalogSnapshots.Stamp> stamp = snapshots.latestStamp(c);
        if (stamp.isPresent() && stamp.get().fingerprint() != null
                && inspector.fingerprint(c, scope).filter(stamp.get().fingerprint()::equals).isPresent()) {
            return new SchemaDrift.InSync(stamp.get().takenAt());
        }
        Optional<CatalogSnapshot> snapshot = snapshots.latest(c);
        if (snapshot.isEmpty()) {
            return new SchemaDrift.NoSnapshot();
        }
        return SchemaDrift.between(snapshot.get(), inspector.inspect(c, scope));
    }

    /** The live catalog alone. */
    public Catalog inspect(Connection c) throws SQLException {
        return inspector.inspect(c, scope);
    }

    /** The latest stored snapshot alone; empty when there is none. */
    public Optional<CatalogSnapshot> latestSnapshot(Connection c) throws SQLException {
        return snapshots.latest(c);
    }
}
