package io.strata.pipeline.testing;

import io.strata.pipeline.Row;
import io.strata.pipeline.Rows;
import io.strata.pipeline.Source;
import java.util.List;

/**
 * Assertions on a transform's output for any test framework: they throw {@link AssertionError}
 * with a {@link RowDiff} as the message.
 *
 * <pre>{@code
 * assertRows(CustomerTransforms.enrich(raw, Year.of(2026)), expected, "customer_id");
 * }</pre>
 */
public final class RowAssertions {

    private RowAssertions() {}

    /** The same rows in any order; with {@code keys}, changed rows are shown column by column. */
    public static void assertRows(Source actual, LiteralSource expected, String... keys) {
        RowDiff diff;
        try (Rows open = actual.open()) {
            List<Row> rows = open.stream().toList();
            diff = RowDiff.between(expected.rows(), rows, expected.schema(), open.schema(), keys);
        }
        if (!diff.isEmpty()) {
            throw new AssertionError(diff.toString());
        }
    }
}
