package io.strata.storage.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects the rows of one inspection's bulk queries, which arrive per kind of object rather than
 * per table, and turns them into a {@link Catalog}. Lives for one inspection only.
 */
final class CatalogAssembler {

    private final Map<String, SchemaParts> schemas = new TreeMap<>();

    void schema(String schema) {
        schemas.computeIfAbsent(schema, k -> new SchemaParts());
    }

    void table(String schema, String table) {
        schemas.computeIfAbsent(schema, k -> new SchemaParts()).tables.computeIfAbsent(table, k -> new TableParts());
    }

    /**
     * A column at {@code position} (any increasing number: ordinals are renumbered 1..n). Rows for
     * relations that are not tables (MySQL lists views' columns too) are skipped.
     */
    void column(String schema, String table, int position, String name, String type, boolean nullable,
            String defaultExpression) {
        TableParts t = tableOrNull(schema, table);
        if (t != null) {
            t.columns.add(new Column(name, position, type, nullable, defaultExpression));
        }
    }

    void index(String schema, String table, Index index) {
        TableParts t = tableOrNull(schema, table);
        if (t != null) {
            t.indexes.add(index);
        }
    }

    void constraint(String schema, String table, Constraint constraint) {
        TableParts t = tableOrNull(schema, table);
        if (t != null) {
            t.constraints.add(constraint);
        }
    }

    void view(String schema, View view) {
        schemas.computeIfAbsent(schema, k -> new SchemaParts()).views.add(view);
    }

    Catalog build(IndexNaming naming) {
        List<Schema> result = new ArrayList<>(schemas.size());
        schemas.forEach((name, parts) -> {
            List<Table> tables = new ArrayList<>(parts.tables.size());
            parts.tables.forEach((table, t) -> tables.add(new Table(table, renumbered(t.columns), t.indexes,
                    t.constraints)));
            result.add(new Schema(name, tables, parts.views));
        });
        return new Catalog(naming, result);
    }

    private TableParts tableOrNull(String schema, String table) {
        SchemaParts s = schemas.get(schema);
        return s == null ? null : s.tables.get(table);
    }

    private static List<Column> renumbered(List<Column> columns) {
        List<Column> sorted = new ArrayList<>(columns);
        sorted.sort(Comparator.comparingInt(Column::ordinal));
        List<Column> result = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            Column c = sorted.get(i);
            result.add(new Column(c.name(), i + 1, c.type(), c.nullable(), c.defaultExpression()));
        }
        return result;
    }

    private static final class SchemaParts {
        final Map<String, TableParts> tables = new TreeMap<>();
        final List<View> views = new ArrayList<>();
    }

    private static final class TableParts {
        final List<Column> columns = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();
        final List<Constraint> constraints = new ArrayList<>();
    }
}
