package io.strata.pipeline.spark;

import io.strata.pipeline.PipelineException;
import io.strata.pipeline.Row;
import io.strata.pipeline.Rows;
import io.strata.pipeline.Schema;
import io.strata.pipeline.WriteResult;
import io.strata.pipeline.jdbc.Database;
import io.strata.pipeline.jdbc.StagedLoad;
import io.strata.pipeline.jdbc.TableName;
import io.strata.pipeline.jdbc.TableSink;
import io.strata.pipeline.run.Run;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pipeline's Spark: the session its run reads and writes through. The master and every other
 * Spark setting come from {@code spark.*} Java system properties, which Spark reads itself and
 * Strata's launcher sets from the CronJob's {@code strata.io/spark.<key>} annotations; without
 * {@code spark.master} the master is {@code local[*]}, every core of this JVM.
 *
 * <pre>{@code
 * System.exit(Pipeline.named("customers").run(run -> {
 *     try (SparkEngine spark = SparkEngine.start(run)) {
 *         Database db = run.database();
 *         spark.write(spark.table(db, "raw.customers", "customer_id")
 *                 .through(CustomerTransforms.enrich(Year.now(run.clock()))), db.replace("marts.customers"));
 *     }
 * }));
 * }</pre>
 */
public final class SparkEngine implements AutoCloseable {

    /** Where Spark runs when nothing says otherwise. */
    public static final String DEFAULT_MASTER = "local[*]";

    private static final Logger LOG = LoggerFactory.getLogger(SparkEngine.class);

    private final SparkSession session;
    private final JavaSparkContext context;
    private final String name;

    private SparkEngine(SparkSession session, String name) {
        this.session = session;
        this.context = JavaSparkContext.fromSparkContext(session.sparkContext());
        this.name = name;
    }

    /** Spark for {@code run}: the application is named after the pipeline. */
    public static SparkEngine start(Run run) {
        return start(run.pipeline());
    }

    /** Spark for an application named {@code name}, configured from {@code spark.*} system properties. */
    public static SparkEngine start(String name) {
        SparkConf conf = new SparkConf().setAppName(name).setIfMissing("spark.master", DEFAULT_MASTER)
                // Quiet by default, as Strata is: no web UI to bind a port for in a batch run.
                .setIfMissing("spark.ui.enabled", "false");
        SparkSession session = SparkSession.builder().config(conf).getOrCreate();
        session.sparkContext().setLogLevel("WARN");
        LOG.info("{}: engine spark {} (master {}, default parallelism {})", name, session.version(),
                session.sparkContext().master(), session.sparkContext().defaultParallelism());
        return new SparkEngine(session, name);
    }

    public SparkSession session() {
        return session;
    }

    /** The number of partitions a read gets when not told: Spark's default parallelism. */
    public int defaultPartitions() {
        return context.defaultParallelism();
    }

    /** A whole table, read in {@link #defaultPartitions()} ranges of its integer column {@code key}. */
    public SparkSource table(Database database, String table, String key) {
        return table(database, table, key, defaultPartitions());
    }

    /**
     * A whole table, read in {@code partitions} ranges of its integer column {@code key} between
     * its minimum and maximum (read first), plus one part for NULL keys; each part is one task
     * streaming its range through the pipeline library's JDBC source, so rows have the plain
     * engine's types. Parts read at slightly different moments, each in its own snapshot.
     */
    public SparkSource table(Database database, String table, String key, int partitions) {
        TableName name = TableName.parse(table);
        List<KeyRange> ranges = KeyRange.split(database, name, key, partitions);
        Schema schema;
        try (Rows probe = database.query("SELECT * FROM " + name.quoted(database.dialect()) + " WHERE false").open()) {
            schema = probe.schema();
        }
        LongAccumulator read = session.sparkContext().longAccumulator(table + " read");
        JavaRDD<Row> rows = context.parallelize(ranges, ranges.size()).mapPartitions(parts -> readCounted(parts, read));
        return new SparkSource(rows, schema, List.of(new ReadCounter(database, table, read)));
    }

    /** Literal rows in {@code partitions} partitions: for tests and small reference data. */
    public SparkSource of(Schema schema, List<Row> rows, int partitions) {
        return new SparkSource(context.parallelize(List.copyOf(rows), partitions), schema, List.of());
    }

    /**
     * Writes {@code source} to {@code sink} as the plain engine would, all rows or none: each
     * partition COPYs its rows into one staging table, then the driver replaces, appends or merges
     * in one transaction ({@link StagedLoad}). The rows read and written count into the run.
     */
    public WriteResult write(SparkSource source, TableSink sink) {
        LOG.info("{}: writing {} from {} in {} partitions", name, sink,
                source.reads().isEmpty() ? "rows" : String.join(", ", source.reads()), source.partitions());
        Schema schema = source.schema();
        WriteResult result;
        try (StagedLoad load = sink.staged(schema)) {
            StagedLoad.Part part = load.part();
            List<Long> written;
            try {
                written = source.rows()
                        .mapPartitions(rows -> List.of(part.write(SparkSource.partition(schema, rows))).iterator())
                        .collect();
            } catch (Exception e) {
                // A SparkException (checked for Java, undeclared by Scala). Its message is a stage report; the run record wants the task's error first,
                // and that the target is untouched (the staging table is dropped on close).
                throw new PipelineException("writing " + sink.target() + " (" + sink + ") on spark: "
                        + rootMessage(e) + " — nothing was written", e);
            }
            result = load.commit(written.stream().mapToLong(Long::longValue).sum());
        }
        source.reportReads();
        LOG.info("{}: {} {} rows into {} in {} ms ({} rows/s) on spark, {} partitions", name, result.mode(),
                String.format(Locale.ROOT, "%,d", result.rows()), result.table(), result.duration().toMillis(),
                String.format(Locale.ROOT, "%,.0f", result.rowsPerSecond()), source.partitions());
        return result;
    }

    /** Every row of {@code source}, on the driver: for tests and small results only. */
    public List<Row> collect(SparkSource source) {
        List<Row> rows = source.rows().collect();
        source.reportReads();
        return rows;
    }

    /** The message of the innermost cause: the task's own exception inside Spark's wrappers. */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getName() : root.getMessage();
    }

    private static Iterator<Row> readCounted(Iterator<KeyRange> parts, LongAccumulator read) {
        return new Iterator<>() {
            private Rows current;

            @Override
            public boolean hasNext() {
                while (current == null || !current.hasNext()) {
                    if (current != null) {
                        current.close();
                        current = null;
                    }
                    if (!parts.hasNext()) {
                        return false;
                    }
                    current = parts.next().open();
                }
                return true;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                read.add(1);
                return current.next();
            }
        };
    }

    /** Stops Spark; its tasks are done by then, as every write and collect waits for its job. */
    @Override
    public void close() {
        session.stop();
    }
}
