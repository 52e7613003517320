package io.strata.storage.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A table with what belongs to it.
 *
 * @param columns in the table's own order (by ordinal)
 * @param indexes by name
 * @param constraints by name
 */
public record Table(String name, List<Column> columns, List<Index> indexes, List<Constraint> constraints) {

    public Table {
        Objects.requireNonNull(name, "name");
        columns = columns.stream().sorted(Comparator.comparingInt(Column::ordinal)).toList();
        indexes = indexes.stream().sorted(Comparator.comparing(Index::name)).toList();
        constraints = constraints.stream().sorted(Comparator.comparing(Constraint::name)).toList();
    }
}
