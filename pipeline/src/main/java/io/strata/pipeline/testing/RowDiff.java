package io.strata.pipeline.testing;

import io.strata.pipeline.Column;
import io.strata.pipeline.Row;
import io.strata.pipeline.Schema;
import io.strata.pipeline.Values;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The difference between expected and actual rows, order ignored, written for a person: rows
 * missing, rows unexpected and, when key columns are given, rows present on both sides with the
 * columns that differ. Values compare as in SQL for decimals (2.0 equals 2.00).
 *
 * @param columns a difference in columns (names or types), empty when both sides agree
 */
public record RowDiff(List<String> columns, List<Row> missing, List<Row> unexpected, List<Changed> changed,
        int expectedCount, int actualCount) {

    /** A row found on both sides by its key, with one line per differing column. */
    public record Changed(String key, List<String> differences) {
    }

    public RowDiff {
        columns = List.copyOf(columns);
        missing = List.copyOf(missing);
        unexpected = List.copyOf(unexpected);
        changed = List.copyOf(changed);
    }

    /** Compares as multisets of whole rows; with {@code keys}, pairs rows by those columns first. */
    public static RowDiff between(Collection<Row> expected, Collection<Row> actual, Schema expectedSchema,
            Schema actualSchema, String... keys) {
        List<String> columns = compareColumns(expectedSchema, actualSchema);
        if (!columns.isEmpty()) {
            return new RowDiff(columns, List.of(), List.of(), List.of(), expected.size(), actual.size());
        }
        List<Row> missing = new ArrayList<>();
        List<Row> unexpected = new ArrayList<>(actual);
        List<Changed> changed = new ArrayList<>();
        Map<String, Row> actualByKey = new LinkedHashMap<>();
        if (keys.length > 0) {
            actual.forEach(r -> actualByKey.putIfAbsent(key(r, keys), r));
        }
        for (Row e : expected) {
            int same = indexOf(unexpected, e);
            if (same >= 0) {
                unexpected.remove(same);
                continue;
            }
            Row partner = keys.length == 0 ? null : actualByKey.get(key(e, keys));
            if (partner != null && unexpected.contains(partner)) {
                unexpected.remove(partner);
                changed.add(new Changed(key(e, keys), differences(e, partner)));
            } else {
                missing.add(e);
            }
        }
        return new RowDiff(columns, missing, unexpected, changed, expected.size(), actual.size());
    }

    public boolean isEmpty() {
        return columns.isEmpty() && missing.isEmpty() && unexpected.isEmpty() && changed.isEmpty();
    }

    private static List<String> compareColumns(Schema expected, Schema actual) {
        List<String> out = new ArrayList<>();
        for (Column e : expected.columns()) {
            actual.find(e.name()).ifPresentOrElse(a -> {
                if (a.type() != e.type()) {
                    out.add("column " + e.name() + ": expected " + e.type() + ", was " + a.type());
                }
            }, () -> out.add("column " + e.name() + " is missing"));
        }
        actual.columns().stream().filter(a -> expected.find(a.name()).isEmpty())
                .forEach(a -> out.add("column " + a.name() + " is unexpected"));
        if (out.isEmpty() && !expected.names().equals(actual.names())) {
            out.add("columns in another order: expected " + expected.names() + ", was " + actual.names());
        }
        return out;
    }

    private static int indexOf(List<Row> rows, Row row) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).equals(row)) {
                return i;
            }
        }
        return -1;
    }

    private static String key(Row r, String... keys) {
        return Arrays.stream(keys).map(k -> k + "=" + Values.show(r.get(k))).collect(Collectors.joining(", "));
    }

    private static List<String> differences(Row expected, Row actual) {
        List<String> out = new ArrayList<>();
        for (Column c : expected.schema().columns()) {
            Object e = expected.get(c.name());
            Object a = actual.get(c.name());
            if (!Values.same(e, a)) {
                out.add(c.name() + ": expected " + Values.show(e) + ", was " + Values.show(a));
            }
        }
        return out;
    }

    /**
     * <pre>
     * rows differ (expected 3, actual 3): 1 changed, 1 missing, 1 unexpected
     *   changed customer_id=2:
     *     segment: expected "mid-market", was "standard"
     *   missing    {customer_id=3, name="Gamma", ...}
     *   unexpected {customer_id=4, name="Delta", ...}
     * </pre>
     */
    @Override
    public String toString() {
        if (isEmpty()) {
            return "rows are equal (" + actualCount + ")";
        }
        StringBuilder s = new StringBuilder();
        if (!columns.isEmpty()) {
            s.append("columns differ:");
            columns.forEach(c -> s.append("\n  ").append(c));
            return s.toString();
        }
        s.append("rows differ (expected ").append(expectedCount).append(", actual ").append(actualCount).append("): ")
                .append(changed.size()).append(" changed, ").append(missing.size()).append(" missing, ")
                .append(unexpected.size()).append(" unexpected");
        for (Changed c : changed) {
            s.append("\n  changed ").append(c.key()).append(':');
            c.differences().forEach(d -> s.append("\n    ").append(d));
        }
        missing.forEach(r -> s.append("\n  missing    ").append(r));
        unexpected.forEach(r -> s.append("\n  unexpected ").append(r));
        return s.toString();
    }
}
