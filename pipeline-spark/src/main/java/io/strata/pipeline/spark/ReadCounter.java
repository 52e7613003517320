package io.strata.pipeline.spark;

import io.strata.pipeline.jdbc.Database;
import org.apache.spark.util.LongAccumulator;

/**
 * The rows a Spark read took from a table, counted by its tasks into an accumulator and reported
 * on the driver to the run, as a plain source reports them row by row. Lives on the driver only.
 */
final class ReadCounter {

    private final Database database;
    private final String table;
    private final LongAccumulator read;
    private long reported;

    ReadCounter(Database database, String table, LongAccumulator read) {
        this.database = database;
        this.table = table;
        this.read = read;
    }

    String table() {
        return table;
    }

    /** Reports what the accumulator gained since the last report: a source read twice counts twice. */
    void report() {
        long total = read.value();
        if (total > reported) {
            database.listener().read(table, total - reported);
            reported = total;
        }
    }
}
