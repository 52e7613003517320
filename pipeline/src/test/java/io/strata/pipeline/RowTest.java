package io.strata.pipeline;

import static io.strata.pipeline.ColumnType.BIGINT;
import static io.strata.pipeline.ColumnType.DECIMAL;
import static io.strata.pipeline.ColumnType.INT;
import static io.strata.pipeline.ColumnType.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowTest {

    static final Schema S = Schema.of(Column.of("id", BIGINT), Column.of("n", INT), Column.of("amount", DECIMAL),
            Column.of("name", TEXT));

    @Test
    void aValueOfTheWrongClassIsRefusedWhereTheRowIsMade() {
        assertThatThrownBy(() -> S.row(1, 2, null, "x")).isInstanceOf(PipelineException.class)
                .hasMessage("column id is BIGINT (Long), got Integer 1");
        assertThatThrownBy(() -> S.row(1L, 2)).hasMessageContaining("needs 4 values, got 2");
    }

    @Test
    void gettersConvertOnlyWhereExact() {
        Row r = S.row(1L, 2, new BigDecimal("2.50"), "x");
        assertThat(r.getLong("n")).isEqualTo(2L);
        assertThat(r.getDecimal("id")).isEqualByComparingTo("1");
        assertThat(r.getDouble("amount")).isEqualTo(2.5);
        assertThatThrownBy(() -> r.getString("id")).hasMessage("column id is BIGINT, not String: use the getter for Long");
        assertThatThrownBy(() -> r.getLong("missing")).hasMessage("no column 'missing' in [id, n, amount, name]");
    }

    @Test
    void nullsAreNullsWhateverTheGetter() {
        Row r = S.row(null, null, null, null);
        assertThat(r.getLong("id")).isNull();
        assertThat(r.getDecimal("n")).isNull();
        assertThat(r.isNull("name")).isTrue();
    }

    @Test
    void equalityIsBySqlValue() {
        assertThat(S.row(1L, 2, new BigDecimal("2.5"), "x")).isEqualTo(S.row(1L, 2, new BigDecimal("2.500"), "x"))
                .hasSameHashCodeAs(S.row(1L, 2, new BigDecimal("2.500"), "x"));
        assertThat(S.row(1L, 2, null, "x")).isNotEqualTo(S.row(1L, 2, null, "y"));
    }

    @Test
    void toStringShowsWhatIsInvisible() {
        assertThat(S.row(1L, null, null, "tab\tquote\"\n").toString())
                .isEqualTo("{id=1, n=null, amount=null, name=\"tab\\tquote\\\"\\n\"}");
    }

    @Test
    void filterAndMapComposeLazilyAndCheckTheDeclaredSchema() {
        Source numbers = Source.of(S, List.of(S.row(1L, 1, null, "a"), S.row(2L, 2, null, "b"), S.row(3L, 3, null, "c")));
        Schema out = Schema.of(Column.of("name", TEXT));
        Source odd = numbers.filter(r -> r.getLong("id") % 2 == 1).map(out, r -> out.row(r.getString("name")));
        assertThat(Rows.toList(odd)).extracting(Row::toString).containsExactly("{name=\"a\"}", "{name=\"c\"}");

        Source wrong = numbers.map(out, r -> r);
        assertThatThrownBy(() -> Rows.toList(wrong)).hasMessageContaining("a map declared to produce (name TEXT)");
    }
}
