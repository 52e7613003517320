package io.strata.pipeline.testing;

import static io.strata.pipeline.ColumnType.BIGINT;
import static io.strata.pipeline.ColumnType.DECIMAL;
import static io.strata.pipeline.ColumnType.TEXT;
import static io.strata.pipeline.ColumnType.TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.pipeline.Column;
import io.strata.pipeline.Schema;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class LiteralSourceTest {

    static final Schema S = Schema.of(Column.of("id", BIGINT), Column.of("name", TEXT), Column.of("amount", DECIMAL),
            Column.of("at", TIMESTAMP));

    @Test
    void literalsBecomeTheColumnsTypes() {
        LiteralSource s = LiteralSource.of(S).row(1, "a", 2_000_000, "2026-01-15").row(2L, "b", "0.10",
                "2025-12-31 23:59:59");
        assertThat(s.rows().get(0).getLong("id")).isEqualTo(1L);
        assertThat(s.rows().get(0).getDecimal("amount")).isEqualTo(BigDecimal.valueOf(2_000_000));
        assertThat(s.rows().get(0).getTimestamp("at")).isEqualTo(LocalDateTime.of(2026, 1, 15, 0, 0));
        assertThat(s.rows().get(1).getTimestamp("at")).isEqualTo(LocalDateTime.of(2025, 12, 31, 23, 59, 59));
    }

    @Test
    void aLiteralThatIsNotOfTheTypeIsNamed() {
        assertThatThrownBy(() -> LiteralSource.of(S).row(1, 2, null, null))
                .hasMessage("column name is TEXT; a literal Integer 2 is not one (give a String)");
        assertThatThrownBy(() -> LiteralSource.of(S).row(1, "a", null, "15/01/2026"))
                .hasMessageStartingWith("column at (TIMESTAMP): cannot read 15/01/2026");
    }

    @Test
    void theDiffSaysWhatChangedWhatIsMissingAndWhatIsUnexpected() {
        LiteralSource expected = LiteralSource.of(S).row(1, "a", 1, null).row(2, "b", 2, null).row(3, "c", 3, null);
        LiteralSource actual = LiteralSource.of(S).row(1, "a", "1.00", null).row(2, "B\t", 2, null).row(4, "d", 4, null);
        assertThatThrownBy(() -> RowAssertions.assertRows(actual, expected, "id"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        rows differ (expected 3, actual 3): 1 changed, 1 missing, 1 unexpected
                          changed id=2:
                            name: expected "b", was "B\\t"
                          missing    {id=3, name="c", amount=3, at=null}
                          unexpected {id=4, name="d", amount=4, at=null}""");
        RowAssertions.assertRows(actual.row(3, "c", 3, null), actual.row(3, "c", "3.0", null));
    }

    @Test
    void theDiffReportsColumnsFirst() {
        Schema other = Schema.of(Column.of("id", TEXT), Column.of("name", TEXT));
        assertThatThrownBy(() -> RowAssertions.assertRows(LiteralSource.of(other), LiteralSource.of(S)))
                .hasMessage("""
                        columns differ:
                          column id: expected BIGINT, was TEXT
                          column amount is missing
                          column at is missing""");
    }
}
