package com.example.customers;

import static io.strata.pipeline.testing.RowAssertions.assertRows;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.strata.pipeline.Row;
import io.strata.pipeline.Rows;
import io.strata.pipeline.Source;
import io.strata.pipeline.spark.SparkEngine;
import io.strata.pipeline.testing.LiteralSource;
import java.time.Year;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CustomerTransforms, unchanged, on both engines: the same transform value over the same literal
 * rows gives the same rows on Spark (local[2], three partitions) as on the plain engine.
 */
class SparkEquivalenceTest {

    static final Year YEAR = Year.of(2026);

    /** The cases of CustomerTransformsTest together: segments and their bounds, deleted, new, unknowns. */
    static final Source RAW = LiteralSource.of(CustomerTransforms.RAW)
            .row(1, "Acme", "a@acme.com", 2_000_000, "2026-01-15", null)
            .row(2, "Beta", "b@beta.com", 500_000, "2025-06-01", null)
            .row(3, "Gamma", "c@gamma.com", 50_000, "2024-03-22", null)
            .row(4, "Deleted", "d@co.com", 200_000, "2025-01-01", "2025-06-01")
            .row(5, "exactly a million", null, "1000000.00", "2020-01-01", null)
            .row(6, "a cent over a million", null, "1000000.01", "2020-01-01", null)
            .row(7, "exactly 100k", null, "100000", "2026-12-31 23:59:59", null)
            .row(8, "no revenue", null, null, null, null)
            .row(9, "a refund", "r@co.com", "-5000", "2026-01-01", null);

    static SparkEngine spark;

    @BeforeAll
    static void start() {
        System.setProperty("spark.master", "local[2]");
        spark = SparkEngine.start("customers-equivalence");
    }

    @AfterAll
    static void stop() {
        spark.close();
        System.clearProperty("spark.master");
    }

    @Test
    void theSameTransformGivesTheSameRowsOnSparkAsOnThePlainEngine() {
        List<Row> plain = Rows.toList(CustomerTransforms.enrich(RAW, YEAR));
        List<Row> onSpark = spark.collect(spark.of(CustomerTransforms.RAW, Rows.toList(RAW), 3)
                .through(CustomerTransforms.enrich(YEAR)));

        assertEquals(8, plain.size());
        LiteralSource expected = LiteralSource.of(CustomerTransforms.MART);
        for (Row row : plain) {
            Object[] values = new Object[row.schema().size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = row.get(i);
            }
            expected = expected.row(values);
        }
        assertRows(Source.of(CustomerTransforms.MART, onSpark), expected, "customer_id");
        assertEquals(plain.stream().map(Row::toString).sorted().toList(),
                onSpark.stream().map(Row::toString).sorted().toList());
    }
}
