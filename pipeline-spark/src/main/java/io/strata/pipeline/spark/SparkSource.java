package io.strata.pipeline.spark;

import io.strata.pipeline.Row;
import io.strata.pipeline.Rows;
import io.strata.pipeline.Schema;
import io.strata.pipeline.Transform;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaRDD;

/**
 * Rows on Spark: an RDD of the pipeline library's {@link Row}s, their schema, and the tables they
 * come from. {@link #through} applies a {@link Transform} inside each partition, the same value the
 * plain engine applies with {@code Source.through}; nothing runs until a sink writes the rows.
 *
 * <p>An RDD of Strata rows rather than a Dataset: rows go from the JDBC read through the transform
 * to the COPY without a conversion into Spark's types and back, so they are exactly the rows the
 * plain engine sees. Spark SQL on them is not offered (yet).
 */
public final class SparkSource {

    private final JavaRDD<Row> rows;
    private final Schema schema;
    private final List<ReadCounter> counters;

    SparkSource(JavaRDD<Row> rows, Schema schema, List<ReadCounter> counters) {
        this.rows = Objects.requireNonNull(rows, "rows");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.counters = List.copyOf(counters);
    }

    /** These rows through {@code transform}, partition by partition. */
    public SparkSource through(Transform transform) {
        return new SparkSource(rows.mapPartitions(transform::apply, true), transform.output(), counters);
    }

    /** The rows, partitioned: for what Spark does beyond a transform and a sink. */
    public JavaRDD<Row> rows() {
        return rows;
    }

    /** The schema of every row, known without reading any. */
    public Schema schema() {
        return schema;
    }

    /** The tables read, as named, for the run record and lineage. */
    public Set<String> reads() {
        Set<String> out = new TreeSet<>();
        counters.forEach(c -> out.add(c.table()));
        return out;
    }

    /** How many partitions the rows are in: a write runs as as many tasks. */
    public int partitions() {
        return rows.getNumPartitions();
    }

    /** Adds the rows read since the last report to the run's counts, once a job has run. */
    void reportReads() {
        counters.forEach(ReadCounter::report);
    }

    /** The rows of one partition as the pipeline library's {@link Rows}, for a sink's part. */
    static Rows partition(Schema schema, Iterator<Row> rows) {
        return Rows.of(schema, rows, () -> { });
    }
}
