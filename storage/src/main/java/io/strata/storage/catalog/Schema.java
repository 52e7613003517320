package io.strata.storage.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A schema (PostgreSQL) or a database (MySQL, where the two words mean the same thing).
 *
 * @param tables by name
 * @param views by name
 */
public record Schema(String name, List<Table> tables, List<View> views) {

    public Schema {
        Objects.requireNonNull(name, "name");
        tables = tables.stream().sorted(Comparator.comparing(Table::name)).toList();
        views = views.stream().sorted(Comparator.comparing(View::name)).toList();
    }

    public static Schema empty(String name) {
        return new Schema(name, List.of(), List.of());
    }
}
