package io.strata.storage.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Real migration folders hold files of tens of kilobytes and hundreds of small ones. Their speed is
 * measured by the benchmarks in bench/, never asserted here.
 */
class SqlSplitterLargeInputTest {

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
    void fiftyKilobytesOfFunctionsSplitIntoEveryStatement() {
        String text = generatedFile(50_000);
        List<SqlStatement> statements = SqlSplitter.split(text, Dialect.POSTGRESQL);
        assertThat(statements).hasSizeGreaterThan(300);
        assertThat(statements).allSatisfy(s -> assertThat(s.sql()).doesNotEndWith(";"));
        assertThat(statements.get(0).line()).isEqualTo(2);
        assertThat(statements).filteredOn(s -> s.sql().startsWith("CREATE OR REPLACE FUNCTION"))
                .hasSize(statements.size() / 3)
                .allSatisfy(s -> assertThat(s.sql()).endsWith("$$ LANGUAGE plpgsql"));
    }

    @Test
    void fiveHundredSmallFilesEachSplitIntoThreeStatements() {
        for (int i = 0; i < 500; i++) {
            String file = "-- migration " + i + "\nCREATE TABLE raw.t" + i + " (\n  id bigint PRIMARY KEY,\n"
                    + "  name text NOT NULL DEFAULT 'n/a; really',\n  created timestamptz DEFAULT now()\n);\n"
                    + "CREATE INDEX t" + i + "_name ON raw.t" + i + " (name);\nCOMMENT ON TABLE raw.t" + i
                    + " IS 'table " + i + "';\n";
            assertThat(SqlSplitter.split(file, Dialect.POSTGRESQL)).extracting(SqlStatement::line)
                    .containsExactly(2, 7, 8);
        }
    }
}
