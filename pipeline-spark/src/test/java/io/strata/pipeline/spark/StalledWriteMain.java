package io.strata.pipeline.spark;

import io.strata.pipeline.Transform;
import io.strata.pipeline.jdbc.Database;

/**
 * The Spark driver that {@link KilledSparkWriteTest} kills: replaces marts.items from raw.items in
 * three partitions, where the row with id 900 stalls its task for a minute, after the other parts
 * have committed theirs into the staging table and while its own COPY is open.
 */
public final class StalledWriteMain {

    private StalledWriteMain() {}

    public static void main(String[] args) {
        Database database = Database.of(args[0], "postgres", null);
        System.setProperty("spark.master", "local[2]");
        try (SparkEngine spark = SparkEngine.start("stalled-write")) {
            SparkSource source = spark.table(database, "raw.items", "id", 2)
                    .through(Transform.to(SparkEngineTest.OUT_ITEMS, (row, out) -> {
                        if (row.getLong("id") == 900L) {
                            System.err.println("stalling at 900");
                            sleep();
                        }
                        out.accept(SparkEngineTest.OUT_ITEMS.row(row.getLong("id"), row.getString("name")));
                    }));
            spark.write(source, database.replace("marts.items"));
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
