package io.strata.storage;

import io.strata.core.error.StrataException;
import io.strata.core.layer.ApplyContext;
import io.strata.core.layer.Layer;
import io.strata.core.layer.LayerStatus;
import io.strata.core.layer.Target;
import io.strata.core.layer.Workspace;
import io.strata.core.plan.Action;
import io.strata.core.plan.Change;
import io.strata.core.plan.LayerPlan;
import io.strata.storage.catalog.CatalogDrift;
import io.strata.storage.lint.Finding;
import io.strata.storage.lint.LintReport;
import io.strata.storage.lint.Linter;
import io.strata.storage.sql.Dialect;
import java.util.Locale;
import io.strata.storage.migration.AppliedMigration;
import io.strata.storage.migration.Migration;
import io.strata.storage.migration.MigrationDiff;
import io.strata.storage.migration.MigrationFiles;
import io.strata.storage.migration.MigrationHistory;
import io.strata.storage.migration.MigrationScript;
import io.strata.storage.migration.MigrationSet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The storage layer: numbered SQL migration files, applied in order and recorded with their
 * checksums in a history table.
 */
public final class StorageLayer implements Layer<MigrationSet, StorageState> {

    public static final String NAME = "storage";

    private final StorageDialect dialect;

    public StorageLayer(StorageDialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MigrationSet declare(Workspace workspace) {
        return MigrationFiles.read(workspace);
    }

    @Override
    public StorageState observe(Target target) {
        try (Connection c = target.database().connect()) {
            return new StorageState(dialect.readHistory(c), CatalogDrift.of(dialect.name()).drift(c));
        } catch (SQLException e) {
            throw new StrataException("cannot read the migration history on " + target.database().displayUrl()
                    + ": " + e.getMessage(), "check that the database is reachable and the credentials are right");
        }
    }

    @Override
    public String fingerprint(StorageState live) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (AppliedMigration row : live.history().applied()) {
                sha256.update((row.version() + " " + row.checksum() + " " + row.success() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return "sha256:" + HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public LayerPlan plan(MigrationSet desired, StorageState live) {
        MigrationDiff diff = MigrationDiff.compare(desired, live.history());
        if (!diff.problems().isEmpty()) {
            throw new StrataException("the migrations folder and the history table disagree; nothing can be planned:\n  - "
                    + String.join("\n  - ", diff.problems()));
        }
        List<Change> changes = new ArrayList<>();
        List<String> warnings = new ArrayList<>(diff.warnings());
        LintReport lint = Linter.lint(diff.pending(), Dialect.valueOf(dialect.name().toUpperCase(Locale.ROOT)));
        for (Migration m : diff.pending()) {
            MigrationScript script = dialect.analyse(m);
            // Without transactional DDL a file that opens or ends a transaction could take Strata's
            // own history row into it, so the refusal holds whatever the file's first line says.
            if (!script.transactionControl().isEmpty() && (script.transactional() || !dialect.transactionalDdl())) {
                throw new StrataException(m.file() + " " + script.transactionControl().get(0)
                        + ": a migration must not manage transactions itself", transactionControlHint());
            }
            List<Finding> findings = lint.forFile(m.file()).stream().filter(f -> !f.suppressed()).toList();
            changes.add(change(m, script, findings, lint.unsafe(m.file())));
            findings.forEach(f -> warnings.add(f.oneLine() + " (see docs/lint/" + f.code() + ".md)"));
            if (script.statements().isEmpty()) {
                warnings.add(m.file() + " contains no statements: it will be recorded as applied and nothing runs");
            }
            if (!script.transactional() && dialect.transactionalDdl()) {
                warnings.add(m.file() + " runs outside a transaction (" + script.nonTransactionalReason()
                        + "): if it fails halfway it is recorded as failed and blocks further applies until"
                        + " `strata migrations repair`");
            }
        }
        if (!dialect.transactionalDdl() && !changes.isEmpty()) {
            // One warning rather than one per file: on such a server it holds for every file alike.
            warnings.add("every migration runs statement by statement, outside a transaction ("
                    + dialect.noTransactionReason() + "): if one fails midway, the statements before the failure"
                    + " stay applied; it is recorded as failed and blocks further applies until the database is"
                    + " fixed by hand and `strata migrations repair` is run");
        }
        return new LayerPlan(NAME, fingerprint(live), changes, warnings, live.drift().lines());
    }

    private String transactionControlHint() {
        return dialect.transactionalDdl()
                ? "remove it: Strata runs each file in one transaction with its history row (or make the"
                        + " file's first line `-- strata:no-transaction` to run it statement by statement)"
                : "remove it: Strata runs each statement on its own (" + dialect.noTransactionReason()
                        + ") and records the file in its history table when it ends";
    }

    /**
     * A pending migration as a change. Lint decides what is unsafe: an unsuppressed destructive
     * (DS) or lock-risky (LK) finding; a finding silenced in the file with a reason was reviewed.
     */
    private static Change change(Migration m, MigrationScript script, List<Finding> findings, boolean unsafe) {
        int n = script.statements().size();
        StringBuilder summary = new StringBuilder("apply migration (")
                .append(n).append(n == 1 ? " statement" : " statements")
                .append(script.transactional() ? ", in one transaction)" : ", non-transactional)");
        List<Finding> destructive = findings.stream().filter(f -> f.code().startsWith("DS")).toList();
        List<Finding> risky = findings.stream().filter(f -> !f.code().startsWith("DS")).toList();
        if (!destructive.isEmpty()) {
            summary.append(": destructive: ").append(describe(destructive));
        }
        if (!risky.isEmpty()) {
            summary.append(destructive.isEmpty() ? ": " : "; ").append(describe(risky));
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("version", Long.toString(m.version()));
        attributes.put("name", m.name());
        attributes.put("checksum", m.checksum());
        attributes.put("transactional", Boolean.toString(script.transactional()));
        attributes.put("statements", Integer.toString(n));
        return new Change(NAME, Action.CREATE, m.file(), summary.toString(), m.sql(), !destructive.isEmpty(), unsafe,
                attributes);
    }

    private static String describe(List<Finding> findings) {
        return findings.stream().map(f -> f.code() + " line " + f.line() + ": " + f.message())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    @Override
    public LayerStatus status(MigrationSet desired, StorageState state) {
        MigrationHistory live = state.history();
        MigrationDiff diff = MigrationDiff.compare(desired, live);
        int applied = (int) live.applied().stream().filter(AppliedMigration::success).count();
        if (!diff.problems().isEmpty() || state.drift().drifted()) {
            List<String> details = new ArrayList<>(diff.problems());
            if (state.drift().drifted()) {
                details.add(state.drift().summary() + ":");
                state.drift().lines().forEach(line -> details.add("  " + line));
            }
            return new LayerStatus(NAME, LayerStatus.State.DRIFT, applied + " applied, " + diff.problems().size()
                    + " problem(s), " + state.drift().items().size() + " object(s) changed by hand", details);
        }
        List<String> details = new ArrayList<>();
        diff.pending().forEach(m -> details.add("+ " + m.file() + " pending"));
        if (!live.applied().isEmpty()) {
            AppliedMigration last = live.applied().get(live.applied().size() - 1);
            details.add("latest applied: " + last.file() + " on " + last.appliedAt() + " by " + last.appliedBy());
        }
        String summary = applied + " applied, " + diff.pending().size() + " pending";
        return new LayerStatus(NAME, diff.pending().isEmpty() ? LayerStatus.State.IN_SYNC : LayerStatus.State.PENDING,
                summary, details);
    }

    @Override
    public void apply(LayerPlan plan, Target target, ApplyContext context) {
        new MigrationRunner(dialect, target.database(), context).run(plan.changes());
        snapshot(target);
    }

    /** Records the live catalog as the one Strata left, the reference for schema drift. */
    private void snapshot(Target target) {
        try (Connection c = target.database().connect()) {
            CatalogDrift.of(dialect.name()).snapshot(c);
        } catch (SQLException e) {
            throw new StrataException("the migrations were applied, but the catalog snapshot for schema drift could"
                    + " not be saved on " + target.database().displayUrl() + ": " + e.getMessage(),
                    "until the next apply that changes something takes a snapshot, schema drift is reported against"
                            + " the previous one");
        }
    }

    /**
     * Adopts Strata on a database that already has the schema the migrations up to {@code version}
     * would create: records those files as applied, without running them. Call while holding the
     * apply lock. Refused when the history already has rows. Returns one line per recorded file.
     */
    public List<String> baseline(Target target, MigrationSet declared, long version, ApplyContext context) {
        List<Migration> files = declared.migrations().stream().filter(m -> m.version() <= version).toList();
        if (files.isEmpty()) {
            throw new StrataException("no migration file has a version at or below " + version + "; nothing was recorded",
                    "baseline at the version of the last migration the database already reflects");
        }
        try (Connection c = target.database().connect()) {
            MigrationHistory history = dialect.readHistory(c);
            if (!history.applied().isEmpty()) {
                throw new StrataException("the history of " + target.database().displayUrl() + " already has "
                        + history.applied().size() + " row(s): this database is already managed by Strata; nothing was recorded",
                        "baseline only adopts a database that Strata has never applied to");
            }
            dialect.createHistory(c);
            c.setAutoCommit(false);
            List<String> lines = new ArrayList<>();
            for (Migration m : files) {
                dialect.insertHistory(c, new AppliedMigration(m.version(), m.name(), m.file(), m.checksum(), true, true,
                        java.time.Instant.now(), context.user(), context.gitCommit(), 0, null));
                lines.add("recorded " + m.file() + " as applied (baseline: not run)");
            }
            c.commit();
            c.setAutoCommit(true);
            CatalogDrift.of(dialect.name()).snapshot(c);
            return lines;
        } catch (SQLException e) {
            throw new StrataException("cannot record the baseline on " + target.database().displayUrl() + ": "
                    + e.getMessage() + "; nothing was recorded");
        }
    }

    /**
     * Removes the history rows of failed migrations so the next apply retries them. Call while
     * holding the apply lock. Returns one line per row removed, saying exactly what changed.
     */
    public List<String> repair(Target target) {
        try (Connection c = target.database().connect()) {
            MigrationHistory history = dialect.readHistory(c);
            List<String> removed = history.applied().stream().filter(a -> !a.success())
                    .map(a -> "removed the failed history row of " + a.file() + " (version " + a.version()
                            + ", failed on " + a.appliedAt() + "): the next apply runs it again")
                    .toList();
            if (!removed.isEmpty()) {
                dialect.deleteFailed(c);
            }
            return removed;
        } catch (SQLException e) {
            throw new StrataException("cannot repair the migration history on " + target.database().displayUrl()
                    + ": " + e.getMessage());
        }
    }
}
