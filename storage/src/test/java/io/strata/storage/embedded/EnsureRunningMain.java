package io.strata.storage.embedded;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * A separate Strata-like process for the concurrency test: ensures the server runs, proves it can
 * query it, and prints "port pid elapsedMillis" on one line.
 */
public final class EnsureRunningMain {

    private EnsureRunningMain() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        EmbeddedInstance instance = EmbeddedPostgres.ensureRunning(Path.of(args[0]), args[1]);
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        try (Connection connection = DriverManager.getConnection(instance.jdbcUrl());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT 1")) {
            result.next();
        }
        System.out.println(instance.port() + " " + instance.pid() + " " + elapsedMillis);
    }
}
