package com.example.customers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Main as the scheduler runs it: its own JVM, configured by environment variables alone, against a
 * PostgreSQL database migrated with the platform's own migrations (the server on 127.0.0.1:5432).
 */
class MainTest {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    @Test
    void fillsTheMartFromRawCustomersAndRecordsTheRun() throws Exception {
        String db = "customers_main_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(SERVER + "postgres", "CREATE DATABASE " + db);
        try {
            try (Stream<Path> files = Files.list(Path.of("../../migrations"))) {
                for (Path file : files.sorted().toList()) {
                    execute(SERVER + db, Files.readString(file));
                }
            }
            Path log = Files.createTempFile("customers", ".log");
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("STRATA_DATABASE_URL", SERVER + db);
            pb.environment().put("STRATA_DATABASE_USER", "postgres");
            pb.environment().put("STRATA_PIPELINE_TRIGGER", "schedule");
            Process p = pb.start();
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
            }
            assertEquals(0, p.exitValue(), Files.readString(log));
            Files.delete(log);

            // The sample rows (migrations/0004): Hooli is deleted; the year is the real one here,
            // so only segments are compared (the transform's tests pin the year).
            assertEquals(List.of("1 enterprise", "2 mid-market", "3 standard", "4 mid-market", "6 standard",
                    "7 enterprise", "8 enterprise"), query(SERVER + db,
                    "SELECT customer_id || ' ' || segment FROM marts.customers ORDER BY customer_id"));
            assertEquals(List.of("customers succeeded schedule 8 7"), query(SERVER + db, "SELECT pipeline || ' '"
                    + " || status || ' ' || triggered_by || ' ' || rows_read || ' ' || rows_written FROM strata.pipeline_runs"));
            assertEquals(List.of("read raw.customers 8", "write marts.customers 7"), query(SERVER + db,
                    "SELECT direction || ' ' || table_name || ' ' || row_count FROM strata.pipeline_run_tables ORDER BY 1"));
        } finally {
            execute(SERVER + "postgres", "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        }
    }

    static void execute(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static List<String> query(String url, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
