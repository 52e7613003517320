package com.example.customers;

import static io.strata.pipeline.ColumnType.BIGINT;
import static io.strata.pipeline.ColumnType.BOOLEAN;
import static io.strata.pipeline.ColumnType.DECIMAL;
import static io.strata.pipeline.ColumnType.TEXT;
import static io.strata.pipeline.ColumnType.TIMESTAMP;

import io.strata.pipeline.Column;
import io.strata.pipeline.Row;
import io.strata.pipeline.Schema;
import io.strata.pipeline.Source;
import io.strata.pipeline.Transform;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.Year;

/**
 * The article's {@code enrich_customers}: pure functions from customers in to customers out. No
 * database, no clock, no framework: a test hands them literal rows and a year.
 */
public final class CustomerTransforms {

    /** What enrich reads: raw.customers as the CRM exports it (migrations/0002_raw_customers.sql). */
    public static final Schema RAW = Schema.of(
            Column.of("customer_id", BIGINT),
            Column.of("name", TEXT),
            Column.of("email", TEXT),
            Column.of("annual_revenue", DECIMAL),
            Column.of("created_at", TIMESTAMP),
            Column.of("deleted_at", TIMESTAMP));

    /** What enrich writes: marts.customers (migrations 0003 and 0012). */
    public static final Schema MART = Schema.of(
            Column.of("customer_id", BIGINT),
            Column.of("name", TEXT),
            Column.of("email", TEXT),
            Column.of("annual_revenue", DECIMAL),
            Column.of("is_new_this_year", BOOLEAN),
            Column.of("created_at", TIMESTAMP),
            Column.of("segment", TEXT));

    /** Revenue strictly above this is enterprise. */
    static final BigDecimal ENTERPRISE_ABOVE = new BigDecimal("1000000");
    /** Revenue strictly above this (and not enterprise) is mid-market; the rest is standard. */
    static final BigDecimal MID_MARKET_ABOVE = new BigDecimal("100000");

    private CustomerTransforms() {}

    /**
     * Customers not deleted, each with its segment and whether it is new in {@code currentYear}.
     * The year is an argument, not the clock, so the result depends on the input alone.
     */
    public static Source enrich(Source customers, Year currentYear) {
        return customers.through(enrich(currentYear));
    }

    /**
     * The same transform as a value that either engine runs: the plain one through {@link
     * #enrich(Source, Year)}, Spark inside each partition (pipelines/customers/spark). One function,
     * so the tests here hold for both.
     */
    public static Transform enrich(Year currentYear) {
        return Transform.to(MART, (customer, out) -> {
            if (customer.isNull("deleted_at")) {
                out.accept(enrich(customer, currentYear));
            }
        });
    }

    /** One customer, enriched. */
    public static Row enrich(Row customer, Year currentYear) {
        BigDecimal revenue = customer.getDecimal("annual_revenue");
        LocalDateTime createdAt = customer.getTimestamp("created_at");
        return MART.row(
                customer.getLong("customer_id"),
                customer.getString("name"),
                customer.getString("email"),
                revenue,
                createdAt != null && createdAt.getYear() == currentYear.getValue(),
                createdAt,
                segment(revenue));
    }

    /**
     * enterprise above 1,000,000, mid-market above 100,000, else standard. An unknown (null)
     * revenue is standard, as in the article's polars expression, where a null comparison falls
     * through to {@code otherwise}.
     */
    public static String segment(BigDecimal annualRevenue) {
        if (annualRevenue == null) {
            return "standard";
        }
        if (annualRevenue.compareTo(ENTERPRISE_ABOVE) > 0) {
            return "enterprise";
        }
        if (annualRevenue.compareTo(MID_MARKET_ABOVE) > 0) {
            return "mid-market";
        }
        return "standard";
    }
}
