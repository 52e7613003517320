package io.strata.pipeline.jdbc;

import io.strata.pipeline.Column;
import io.strata.pipeline.PipelineException;
import io.strata.pipeline.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A column of the table a sink writes, as the catalog describes it: {@code type} is the dialect's
 * type name, lower case (for PostgreSQL the base type of a domain, and {@code text} for every
 * string-like type, enums included).
 */
record TargetColumn(String name, String type) {

    /**
     * The target column for each column of the rows, by name: exactly, or else ignoring case when
     * that is unambiguous (PostgreSQL folds unquoted names to lower case, MariaDB ignores case).
     * Target columns the rows lack get their defaults; row columns the target lacks are an error.
     */
    static List<TargetColumn> align(TableName table, Schema rows, List<TargetColumn> target) {
        List<TargetColumn> out = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Column c : rows.columns()) {
            TargetColumn match = target.stream().filter(t -> t.name.equals(c.name())).findFirst().orElse(null);
            if (match == null) {
                List<TargetColumn> loose = target.stream()
                        .filter(t -> t.name.toLowerCase(Locale.ROOT).equals(c.name().toLowerCase(Locale.ROOT)))
                        .toList();
                match = loose.size() == 1 ? loose.get(0) : null;
            }
            if (match == null) {
                unknown.add(c.name());
            }
            out.add(match);
        }
        if (!unknown.isEmpty()) {
            throw new PipelineException("table " + table + " has no column " + String.join(", ", unknown)
                    + " (its columns: " + String.join(", ", target.stream().map(TargetColumn::name).toList())
                    + "): add it with a migration, or drop it from the rows");
        }
        return out;
    }
}
