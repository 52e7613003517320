package io.strata.storage.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What a database's catalog holds in the managed schemas, in a form no dialect owns: schemas with
 * their tables and views. Sorted and immutable, so two inspections of an unchanged database are
 * equal.
 *
 * @param indexNaming how index names are made unique, which decides how drift names an index
 * @param schemas by name
 */
public record Catalog(IndexNaming indexNaming, List<Schema> schemas) {

    public Catalog {
        Objects.requireNonNull(indexNaming, "indexNaming");
        schemas = schemas.stream().sorted(Comparator.comparing(Schema::name)).toList();
    }

    public static Catalog empty(IndexNaming indexNaming) {
        return new Catalog(indexNaming, List.of());
    }

    /** Tables over all schemas: a size to report, e.g. in a benchmark. */
    public int tableCount() {
        return schemas.stream().mapToInt(s -> s.tables().size()).sum();
    }
}
