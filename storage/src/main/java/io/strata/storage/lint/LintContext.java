package io.strata.storage.lint;

import io.strata.storage.sql.Dialect;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a rule may know beyond the statement itself: the dialect, the file, and which tables the
 * statements linted before it create. A table created earlier in the same file, or in an earlier
 * file of the same run (the pending migrations of a plan, the files given to {@code strata lint}),
 * is new: it holds no production rows yet, so locking, rewriting or dropping it risks nothing.
 * Every other table is existing.
 *
 * <p>One context lives for one lint run; the {@link Linter} records creations after the rules
 * have seen a statement, so a rule sees exactly the tables created before that statement.
 */
public final class LintContext {

    private final Dialect dialect;
    private final Map<String, List<TableName>> createdByTable = new HashMap<>();
    private String file = "";

    LintContext(Dialect dialect) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The file being linted, relative to the platform root. */
    public String file() {
        return file;
    }

    /** Whether {@code table} (as written) may hold rows the run did not create: see the class comment. */
    public boolean existing(String table) {
        TableName name = TableName.parse(table, dialect);
        return createdByTable.getOrDefault(name.table(), List.of()).stream().noneMatch(name::mayBe);
    }

    /** Whether any of {@code tables} is existing; also true for an empty list (a name Strata could not read). */
    public boolean anyExisting(List<String> tables) {
        return tables.isEmpty() || tables.stream().anyMatch(this::existing);
    }

    void enter(String file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    void created(String table) {
        TableName name = TableName.parse(table, dialect);
        createdByTable.computeIfAbsent(name.table(), k -> new ArrayList<>()).add(name);
    }
}
