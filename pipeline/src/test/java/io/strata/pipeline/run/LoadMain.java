package io.strata.pipeline.run;

import static io.strata.pipeline.ColumnType.BIGINT;
import static io.strata.pipeline.ColumnType.DECIMAL;
import static io.strata.pipeline.ColumnType.TEXT;
import static io.strata.pipeline.ColumnType.TIMESTAMP;

import io.strata.pipeline.Column;
import io.strata.pipeline.Row;
import io.strata.pipeline.Rows;
import io.strata.pipeline.Schema;
import io.strata.pipeline.Source;
import io.strata.pipeline.jdbc.Database;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Iterator;
import java.util.concurrent.CountDownLatch;

/**
 * A pipeline for the tests that need a process of its own (to kill it, or to cap its heap). Its
 * database comes from the environment, as in production.
 *
 * <ul>
 *   <li>{@code generate TABLE ROWS STALL_AFTER}: generated rows replace TABLE; after STALL_AFTER rows
 *       (if not -1) the source blocks forever, so the load is certainly under way when killed;</li>
 *   <li>{@code copy FROM TO}: FROM, streamed, through a per-row transform, replaces TO.</li>
 * </ul>
 */
public final class LoadMain {

    static final Schema ITEMS = Schema.of(Column.of("id", BIGINT), Column.of("name", TEXT),
            Column.of("revenue", DECIMAL), Column.of("created_at", TIMESTAMP));

    private LoadMain() {}

    public static void main(String[] args) {
        System.exit(Pipeline.named("load-test").run(run -> {
            Database db = run.database();
            if (args[0].equals("generate")) {
                run.write(generated(Long.parseLong(args[2]), Long.parseLong(args[3])), db.replace(args[1]));
            } else {
                Source from = db.table(args[1]).map(ITEMS, r -> ITEMS.row(r.getLong("id"),
                        r.getString("name").toUpperCase(java.util.Locale.ROOT), r.getDecimal("revenue"),
                        r.getTimestamp("created_at")));
                run.write(from, db.replace(args[2]));
            }
        }));
    }

    static Source generated(long count, long stallAfter) {
        LocalDateTime base = LocalDateTime.of(2026, 1, 1, 0, 0);
        return () -> Rows.of(ITEMS, new Iterator<>() {
            long next = 1;

            @Override
            public boolean hasNext() {
                return next <= count;
            }

            @Override
            public Row next() {
                if (next == stallAfter + 1) {
                    System.out.println("stalling after " + stallAfter + " rows");
                    System.out.flush();
                    awaitForever();
                }
                long id = next++;
                return ITEMS.row(id, "item " + id, BigDecimal.valueOf(id * 37 % 100_000_000, 2), base.plusSeconds(id));
            }
        }, () -> { });
    }

    private static void awaitForever() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
