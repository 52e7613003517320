package {{package}};

import static io.strata.pipeline.ColumnType.BIGINT;
import static io.strata.pipeline.ColumnType.DECIMAL;
import static io.strata.pipeline.ColumnType.TEXT;
import static io.strata.pipeline.ColumnType.TIMESTAMP;

import io.strata.pipeline.Column;
import io.strata.pipeline.Row;
import io.strata.pipeline.Schema;
import io.strata.pipeline.Source;
import java.math.BigDecimal;

/**
 * The transform: pure functions from orders in to orders out. No database, no clock, no
 * framework, so a plain JUnit test hands it literal rows (OrderTransformsTest).
 */
public final class OrderTransforms {

    /** What the transform reads: raw.orders (migrations/0001_init.sql). */
    public static final Schema RAW = Schema.of(
            Column.of("order_id", BIGINT),
            Column.of("customer", TEXT),
            Column.of("amount", DECIMAL),
            Column.of("status", TEXT),
            Column.of("ordered_at", TIMESTAMP));

    /** What it writes: marts.orders. */
    public static final Schema MART = Schema.of(
            Column.of("order_id", BIGINT),
            Column.of("customer", TEXT),
            Column.of("amount", DECIMAL),
            Column.of("size", TEXT),
            Column.of("ordered_at", TIMESTAMP));

    /** Amounts strictly above this are large orders. */
    static final BigDecimal LARGE_ABOVE = new BigDecimal("1000");

    private OrderTransforms() {}

    /** Orders that were not cancelled, each with its size. */
    public static Source transform(Source orders) {
        return orders
                .filter(order -> !"cancelled".equals(order.getString("status")))
                .map(MART, OrderTransforms::transform);
    }

    /** One order: the per-row function. */
    public static Row transform(Row order) {
        BigDecimal amount = order.getDecimal("amount");
        return MART.row(
                order.getLong("order_id"),
                order.getString("customer"),
                amount,
                size(amount),
                order.getTimestamp("ordered_at"));
    }

    /** {@code large} strictly above 1,000, else {@code small}. */
    public static String size(BigDecimal amount) {
        return amount.compareTo(LARGE_ABOVE) > 0 ? "large" : "small";
    }
}
