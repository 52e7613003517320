package com.example.customers;

import io.strata.pipeline.jdbc.Database;
import io.strata.pipeline.run.Pipeline;
import io.strata.pipeline.spark.SparkEngine;
import java.time.Year;

/**
 * The customers pipeline on Spark: what {@link Main} does, with the same transform value, the read
 * split by customer_id ranges and each partition loading its rows into one staging table that
 * replaces marts.customers at once. The same pipeline name, so its runs, lineage and freshness
 * are the customers pipeline's.
 */
public final class SparkMain {

    private SparkMain() {}

    public static void main(String[] args) {
        System.exit(Pipeline.named("customers").run(run -> {
            Database db = run.database();
            try (SparkEngine spark = SparkEngine.start(run)) {
                spark.write(spark.table(db, "raw.customers", "customer_id")
                                .through(CustomerTransforms.enrich(Year.now(run.clock()))),
                        db.replace("marts.customers"));
            }
        }));
    }
}
