package io.strata.storage.catalog;

import io.strata.core.plan.Action;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares a snapshot with the live catalog, object by object. Pure, and the only diff there is:
 * the inspectors make both dialects' catalogs look alike, so nothing here knows a dialect; the one
 * naming difference travels in {@link Catalog#indexNaming()}.
 *
 * <p>Reported: schemas, tables and views added or dropped; for a table present in both, its
 * columns (added, dropped, type, nullability, default), constraints and indexes. What lives inside
 * an added or dropped table is not listed again, and an index that is a primary key, unique or
 * exclusion constraint is reported once, as the constraint. Column positions are not compared: a
 * dropped column moves every later one, and that is not a change of its own.
 */
public final class SchemaDiff {

    private final IndexNaming naming;
    private final List<DriftItem> items = new ArrayList<>();

    private SchemaDiff(IndexNaming naming) {
        this.naming = naming;
    }

    /** The changes from {@code snapshot} to {@code live}, sorted by {@link DriftItem#ORDER}. */
    public static List<DriftItem> compare(Catalog snapshot, Catalog live) {
        SchemaDiff diff = new SchemaDiff(live.indexNaming());
        diff.pair(snapshot.schemas(), live.schemas(), Schema::name, diff::schema,
                added -> {
                    diff.add(Action.CREATE, ObjectKind.SCHEMA, added.name(), "was added by hand");
                    diff.schema(Schema.empty(added.name()), added);
                },
                dropped -> {
                    diff.add(Action.DROP, ObjectKind.SCHEMA, dropped.name(), "was dropped by hand");
                    diff.schema(dropped, Schema.empty(dropped.name()));
                });
        diff.items.sort(DriftItem.ORDER);
        return List.copyOf(diff.items);
    }

    private void schema(Schema before, Schema after) {
        if (before.equals(after)) {
            return; // the common case, checked in one pass without building any maps
        }
        String s = after.name();
        pair(before.tables(), after.tables(), Table::name, (b, a) -> table(s, b, a),
                added -> add(Action.CREATE, ObjectKind.TABLE, s + "." + added.name(),
                        "was added by hand (" + count(added.columns().size(), "column") + ")"),
                dropped -> add(Action.DROP, ObjectKind.TABLE, s + "." + dropped.name(), "was dropped by hand"));
        pair(before.views(), after.views(), View::name, (b, a) -> view(s, b, a),
                added -> add(Action.CREATE, viewKind(added), s + "." + added.name(), "was added by hand"),
                dropped -> add(Action.DROP, viewKind(dropped), s + "." + dropped.name(), "was dropped by hand"));
    }

    private void table(String schema, Table before, Table after) {
        if (before.equals(after)) {
            return;
        }
        String t = schema + "." + after.name();
        pair(before.columns(), after.columns(), Column::name, (b, a) -> column(t + "." + a.name(), b, a),
                added -> add(Action.CREATE, ObjectKind.COLUMN, t + "." + added.name(),
                        "(" + added.describe() + ") was added by hand"),
                dropped -> add(Action.DROP, ObjectKind.COLUMN, t + "." + dropped.name(),
                        "(" + dropped.describe() + ") was dropped by hand"));
        pair(before.constraints(), after.constraints(), Constraint::name,
                (b, a) -> {
                    if (!b.definition().equals(a.definition()) || b.kind() != a.kind()) {
                        add(Action.ALTER, ObjectKind.CONSTRAINT, t + "." + a.name(),
                                b.definition() + " → " + a.definition());
                    }
                },
                added -> add(Action.CREATE, ObjectKind.CONSTRAINT, t + "." + added.name(),
                        "(" + added.kind().label() + ") was added by hand: " + added.definition()),
                dropped -> add(Action.DROP, ObjectKind.CONSTRAINT, t + "." + dropped.name(),
                        "(" + dropped.kind().label() + ") was dropped by hand: " + dropped.definition()));
        pair(ownIndexes(before), ownIndexes(after), Index::name,
                (b, a) -> {
                    if (!b.definition().equals(a.definition())) {
                        add(Action.ALTER, ObjectKind.INDEX, indexName(schema, after, a),
                                b.definition() + " → " + a.definition());
                    }
                },
                added -> add(Action.CREATE, ObjectKind.INDEX, indexName(schema, after, added),
                        "was added by hand: " + added.definition()),
                dropped -> add(Action.DROP, ObjectKind.INDEX, indexName(schema, after, dropped),
                        "was dropped by hand"));
    }

    private void column(String name, Column before, Column after) {
        List<String> changes = new ArrayList<>(3);
        if (!before.type().equals(after.type())) {
            changes.add("type " + before.type() + " → " + after.type());
        }
        if (before.nullable() != after.nullable()) {
            changes.add(nullability(before) + " → " + nullability(after));
        }
        if (!Objects.equals(before.defaultExpression(), after.defaultExpression())) {
            changes.add("default " + orNone(before.defaultExpression()) + " → " + orNone(after.defaultExpression()));
        }
        if (!changes.isEmpty()) {
            add(Action.ALTER, ObjectKind.COLUMN, name, String.join("; ", changes));
        }
    }

    private void view(String schema, View before, View after) {
        if (before.materialized() != after.materialized()) {
            add(Action.DROP, viewKind(before), schema + "." + before.name(), "was dropped by hand");
            add(Action.CREATE, viewKind(after), schema + "." + after.name(), "was added by hand");
        } else if (!before.definition().equals(after.definition())) {
            add(Action.ALTER, viewKind(after), schema + "." + after.name(), "definition changed");
        }
    }

    /** The indexes that are not a constraint's own: those are reported as the constraint. */
    private static List<Index> ownIndexes(Table table) {
        Set<String> owned = table.constraints().stream().filter(c -> c.kind().ownsIndex()).map(Constraint::name)
                .collect(Collectors.toSet());
        return owned.isEmpty() ? table.indexes()
                : table.indexes().stream().filter(i -> !owned.contains(i.name())).toList();
    }

    private String indexName(String schema, Table table, Index index) {
        return naming == IndexNaming.PER_SCHEMA ? schema + "." + index.name()
                : schema + "." + table.name() + "." + index.name();
    }

    private static ObjectKind viewKind(View view) {
        return view.materialized() ? ObjectKind.MATERIALIZED_VIEW : ObjectKind.VIEW;
    }

    private static String nullability(Column c) {
        return c.nullable() ? "nullable" : "not null";
    }

    private static String orNone(String expression) {
        return expression == null ? "none" : expression;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private void add(Action action, ObjectKind kind, String object, String detail) {
        items.add(new DriftItem(action, kind, object, detail));
    }

    /** The one pairing step every level uses: match by name, then report both, added or dropped. */
    private static <T> void pair(List<T> before, List<T> after, Function<T, String> key, BiConsumer<T, T> both,
            Consumer<T> added, Consumer<T> dropped) {
        Map<String, T> b = index(before, key);
        Map<String, T> a = index(after, key);
        Set<String> names = new TreeSet<>(b.keySet());
        names.addAll(a.keySet());
        for (String name : names) {
            T was = b.get(name);
            T is = a.get(name);
            if (was == null) {
                added.accept(is);
            } else if (is == null) {
                dropped.accept(was);
            } else {
                both.accept(was, is);
            }
        }
    }

    private static <T> Map<String, T> index(List<T> values, Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>(values.size() * 2);
        for (T v : values) {
            map.put(key.apply(v), v);
        }
        return map;
    }
}
