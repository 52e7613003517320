package {{package}};

import io.strata.pipeline.jdbc.Database;
import io.strata.pipeline.run.Pipeline;

/**
 * The orders pipeline's entrypoint: raw.orders, transformed, replaces marts.orders in one
 * transaction. Where the database is comes from the environment (STRATA_DATABASE_URL, _USER,
 * _PASSWORD), which `strata run` and the scheduler set; the exit code tells the scheduler how it went.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(Pipeline.named("orders").run(run -> {
            Database db = run.database();
            run.write(OrderTransforms.transform(db.table("raw.orders")), db.replace("marts.orders"));
        }));
    }
}
