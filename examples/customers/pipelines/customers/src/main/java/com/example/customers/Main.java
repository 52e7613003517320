package com.example.customers;

import io.strata.pipeline.jdbc.Database;
import io.strata.pipeline.run.Pipeline;
import java.time.Year;

/**
 * The container's entrypoint, as in the article's main.py: raw.customers, enriched, replaces
 * marts.customers. Where the database is comes from the environment (STRATA_DATABASE_URL, _USER,
 * _PASSWORD); the exit code tells the scheduler how it went.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(Pipeline.named("customers").run(run -> {
            Database db = run.database();
            run.write(CustomerTransforms.enrich(db.table("raw.customers"), Year.now(run.clock())),
                    db.replace("marts.customers"));
        }));
    }
}
