package io.strata.storage.lint;

import io.strata.storage.sql.Dialect;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a rule may know beyond the statement itself: the dialect, the file, and which tables the
 * statements linted before it create. One context lives for one lint run; the {@link Linter}
 * records a statement's creations after the rules have seen it.
 */
public final class LintContext {

    /** A table some statement created, and the file it is in. */
    private record Created(TableName name, String file) {}

    private final Dialect dialect;
    private final Map<String, List<Created>> createdByTable = new HashMap<>();
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

    /**
     * Whether {@code table} (as written) was created by an earlier statement of this file, or, for
     * {@link NewTables#EXEMPT_IF_CREATED_IN_RUN}, of this run. Always false for {@link NewTables#REPORTED}.
     */
    public boolean isNew(String table, NewTables scope) {
        if (scope == NewTables.REPORTED) {
            return false;
        }
        TableName name = TableName.parse(table, dialect);
        return createdByTable.getOrDefault(name.table(), List.of()).stream()
                .anyMatch(c -> c.name().mayBe(name)
                        && (scope == NewTables.EXEMPT_IF_CREATED_IN_RUN || c.file().equals(file)));
    }

    void enter(String file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    void created(String table) {
        TableName name = TableName.parse(table, dialect);
        createdByTable.computeIfAbsent(name.table(), k -> new ArrayList<>()).add(new Created(name, file));
    }
}
