package com.example.customers;

import static io.strata.pipeline.testing.RowAssertions.assertRows;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.strata.pipeline.Row;
import io.strata.pipeline.Rows;
import io.strata.pipeline.Source;
import io.strata.pipeline.testing.LiteralSource;
import java.time.Year;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The article's two tests, then the edges it leaves open. */
class CustomerTransformsTest {

    static final Year YEAR = Year.of(2026);

    static Row customer(List<Row> rows, long id) {
        return rows.stream().filter(r -> r.getLong("customer_id") == id).findFirst().orElseThrow();
    }

    @Test
    void enterpriseSegmentation() {
        Source source = LiteralSource.of(CustomerTransforms.RAW)
                .row(1, "Acme", "a@acme.com", 2_000_000, "2026-01-15", null)
                .row(2, "Beta", "b@beta.com", 500_000, "2025-06-01", null)
                .row(3, "Gamma", "c@gamma.com", 50_000, "2024-03-22", null);

        List<Row> result = Rows.toList(CustomerTransforms.enrich(source, YEAR));

        assertEquals("enterprise", customer(result, 1).getString("segment"));
        assertEquals("mid-market", customer(result, 2).getString("segment"));
        assertEquals("standard", customer(result, 3).getString("segment"));
    }

    @Test
    void deletedCustomersExcluded() {
        Source source = LiteralSource.of(CustomerTransforms.RAW)
                .row(1, "Active", "a@co.com", 100_000, "2026-01-01", null)
                .row(2, "Deleted", "d@co.com", 200_000, "2025-01-01", "2025-06-01");

        List<Row> result = Rows.toList(CustomerTransforms.enrich(source, YEAR));

        assertEquals(1, result.size());
        assertEquals(1L, result.get(0).getLong("customer_id"));
    }

    @Test
    void segmentBoundariesAreStrictlyAbove() {
        Source source = LiteralSource.of(CustomerTransforms.RAW)
                .row(1, "exactly a million", null, "1000000.00", "2020-01-01", null)
                .row(2, "a cent over a million", null, "1000000.01", "2020-01-01", null)
                .row(3, "exactly 100k", null, "100000", "2020-01-01", null)
                .row(4, "a cent over 100k", null, "100000.01", "2020-01-01", null)
                .row(5, "nothing", null, 0, "2020-01-01", null)
                .row(6, "a refund", null, "-5000", "2020-01-01", null);

        assertRows(CustomerTransforms.enrich(source, YEAR), LiteralSource.of(CustomerTransforms.MART)
                .row(1, "exactly a million", null, "1000000.00", false, "2020-01-01", "mid-market")
                .row(2, "a cent over a million", null, "1000000.01", false, "2020-01-01", "enterprise")
                .row(3, "exactly 100k", null, "100000", false, "2020-01-01", "standard")
                .row(4, "a cent over 100k", null, "100000.01", false, "2020-01-01", "mid-market")
                .row(5, "nothing", null, 0, false, "2020-01-01", "standard")
                .row(6, "a refund", null, "-5000", false, "2020-01-01", "standard"), "customer_id");
    }

    @Test
    void unknownRevenueIsStandardAndStaysUnknown() {
        Source source = LiteralSource.of(CustomerTransforms.RAW).row(6, "Vandelay", null, null, "2026-06-18 11:11:00", null);

        assertRows(CustomerTransforms.enrich(source, YEAR), LiteralSource.of(CustomerTransforms.MART)
                .row(6, "Vandelay", null, null, true, "2026-06-18 11:11:00", "standard"));
    }

    @Test
    void newThisYearIsTheCalendarYearOfTheRunAroundNewYear() {
        Source source = LiteralSource.of(CustomerTransforms.RAW)
                .row(1, "last second of last year", null, 1, "2025-12-31 23:59:59.999999", null)
                .row(2, "first second of this year", null, 1, "2026-01-01 00:00:00", null)
                .row(3, "last second of this year", null, 1, "2026-12-31 23:59:59.999999", null)
                .row(4, "dated next year", null, 1, "2027-01-01 00:00:00", null);

        List<Row> in2026 = Rows.toList(CustomerTransforms.enrich(source, Year.of(2026)));
        assertEquals(List.of(false, true, true, false), in2026.stream().map(r -> r.getBoolean("is_new_this_year")).toList());

        // The same rows, a run later: on the first of January the year turns, and so does the flag.
        List<Row> in2027 = Rows.toList(CustomerTransforms.enrich(source, Year.of(2027)));
        assertEquals(List.of(false, false, false, true), in2027.stream().map(r -> r.getBoolean("is_new_this_year")).toList());
    }

    @Test
    void deletedRowsAreDroppedWhateverElseTheyHold() {
        Source source = LiteralSource.of(CustomerTransforms.RAW)
                .row(1, "deleted enterprise", null, 9_000_000, "2026-02-02", "2026-03-03")
                .row(2, "deleted with no revenue", null, null, "2026-02-02", "2020-01-01");

        assertEquals(List.of(), Rows.toList(CustomerTransforms.enrich(source, YEAR)));
    }
}
