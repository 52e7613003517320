package io.strata.storage.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Splitting runs on every plan for every migration file, so it must stay linear and cheap. The
 * bounds are several times the measured cost (about 0.1 ms for 50 KB) and use the fastest of many
 * runs, so a busy machine slows the test down without failing it.
 */
class SqlSplitterPerformanceTest {

    static String generatedFile(int minChars) {
        StringBuilder sql = new StringBuilder("-- strata:no-transaction\n");
        for (int i = 0; sql.length() < minChars; i++) {
            sql.append("CREATE OR REPLACE FUNCTION f").append(i).append("(a int) RETURNS int AS $$\n")
                    .append("BEGIN\n  -- step ").append(i).append("; with 'quotes'\n")
                    .append("  RETURN a + ").append(i).append("; /* done; */\nEND;\n$$ LANGUAGE plpgsql;\n\n")
                    .append("INSERT INTO \"log\" (msg) VALUES ('f").append(i).append(" created; it''s fine');\n")
                    .append("DO $tag$ BEGIN PERFORM f").append(i).append("(1); END $tag$;\n");
        }
        return sql.toString();
    }

    @Test
    void fiftyKilobytesSplitInUnderAMillisecond() {
        String text = generatedFile(50_000);
        List<SqlStatement> statements = SqlSplitter.split(text, Dialect.POSTGRESQL);
        assertThat(statements).hasSizeGreaterThan(300);
        assertThat(statements).allSatisfy(s -> assertThat(s.sql()).doesNotEndWith(";"));
        assertThat(statements.get(0).line()).isEqualTo(2);

        long nanos = fastest(() -> SqlSplitter.split(text, Dialect.POSTGRESQL));
        assertThat(nanos).as("fastest split of %d chars, ns", text.length()).isLessThan(1_000_000L);
    }

    @Test
    void fiveHundredSmallFilesSplitInAFewMilliseconds() {
        List<String> files = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            files.add("-- migration " + i + "\nCREATE TABLE raw.t" + i + " (\n  id bigint PRIMARY KEY,\n"
                    + "  name text NOT NULL DEFAULT 'n/a; really',\n  created timestamptz DEFAULT now()\n);\n"
                    + "CREATE INDEX t" + i + "_name ON raw.t" + i + " (name);\nCOMMENT ON TABLE raw.t" + i
                    + " IS 'table " + i + "';\n");
        }
        long nanos = fastest(() -> {
            int n = 0;
            for (String file : files) {
                n += SqlSplitter.split(file, Dialect.POSTGRESQL).size();
            }
            return n;
        });
        assertThat(nanos).as("fastest split of 500 files, ns").isLessThan(5_000_000L);
    }

    private static long fastest(Supplier<Object> work) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 300; i++) {
            long start = System.nanoTime();
            Object result = work.get();
            long elapsed = System.nanoTime() - start;
            assertThat(result).isNotNull();
            best = Math.min(best, elapsed);
        }
        return best;
    }
}
