package io.strata.pipeline;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The ordered columns of the rows a source yields or a transform produces. A transform declares
 * its output schema as a constant, so the sink knows the columns even when no row arrives.
 *
 * <p>A class rather than a record because it keeps a name index beside the column list: getters
 * by name run once per value on every row. Serializable because a {@link Transform} carries its
 * output schema to the engine's workers (Spark ships it to each partition's task).
 */
public final class Schema implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<Column> columns;
    private final String[] names;
    private final Map<String, Integer> index;

    private Schema(List<Column> columns) {
        this.columns = List.copyOf(columns);
        this.names = this.columns.stream().map(Column::name).toArray(String[]::new);
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < this.columns.size(); i++) {
            if (byName.putIfAbsent(this.columns.get(i).name(), i) != null) {
                throw new IllegalArgumentException("column " + this.columns.get(i).name() + " appears twice in "
                        + this.columns);
            }
        }
        this.index = Map.copyOf(byName);
    }

    public static Schema of(List<Column> columns) {
        return new Schema(columns);
    }

    public static Schema of(Column... columns) {
        return new Schema(List.of(columns));
    }

    public List<Column> columns() {
        return columns;
    }

    public int size() {
        return columns.size();
    }

    public Column column(int position) {
        return columns.get(position);
    }

    public List<String> names() {
        return columns.stream().map(Column::name).toList();
    }

    /** The position of a column, or an error naming the columns there are. */
    public int indexOf(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i] == name) {
                return i;
            }
        }
        Integer i = index.get(name);
        if (i == null) {
            throw new PipelineException("no column '" + name + "' in " + names());
        }
        return i;
    }

    public Optional<Column> find(String name) {
        Integer i = index.get(name);
        return i == null ? Optional.empty() : Optional.of(columns.get(i));
    }

    /**
     * A row of this schema from values in column order. Each value must be null or of its column's
     * Java class ({@link ColumnType#javaType()}); anything else is refused here, naming the column,
     * rather than failing later inside a sink.
     */
    public Row row(Object... values) {
        if (values.length != columns.size()) {
            throw new PipelineException("a row of " + names() + " needs " + columns.size() + " values, got "
                    + values.length);
        }
        Object[] copy = values.clone();
        for (int i = 0; i < copy.length; i++) {
            Column c = columns.get(i);
            if (!c.type().accepts(copy[i])) {
                throw new PipelineException("column " + c.name() + " is " + c.type() + " (" + c.type().javaType()
                        .getSimpleName() + "), got " + copy[i].getClass().getSimpleName() + " " + copy[i]);
            }
        }
        return new Row(this, copy);
    }

    /** A schema with the given columns added at the end. */
    public Schema plus(Column... more) {
        List<Column> all = new ArrayList<>(columns);
        all.addAll(List.of(more));
        return new Schema(all);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Schema s && s.columns.equals(columns);
    }

    @Override
    public int hashCode() {
        return columns.hashCode();
    }

    @Override
    public String toString() {
        return columns.stream().map(Column::toString).collect(Collectors.joining(", ", "(", ")"));
    }
}
