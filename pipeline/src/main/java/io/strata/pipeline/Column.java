package io.strata.pipeline;

import java.io.Serializable;
import java.util.Objects;

/** A named, typed column of a {@link Schema}. Names are compared exactly (sources report them lower-case). */
public record Column(String name, ColumnType type) implements Serializable {

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a column name must not be empty");
        }
        // Interned, so a getter called with a string literal (interned too) finds its column by
        // identity, without hashing: name lookups run once per value on every row.
        name = name.intern();
    }

    public static Column of(String name, ColumnType type) {
        return new Column(name, type);
    }

    @Override
    public String toString() {
        return name + " " + type;
    }
}
