package {{package}};

import static io.strata.pipeline.testing.RowAssertions.assertRows;

import io.strata.pipeline.testing.LiteralSource;
import org.junit.jupiter.api.Test;

/** The transform on literal rows: no database needed. */
class OrderTransformsTest {

    @Test
    void cancelledOrdersAreLeftOutAndTheRestAreSized() {
        LiteralSource orders = LiteralSource.of(OrderTransforms.RAW)
                .row(1, "Acme", "2500.00", "paid", "2026-01-15T10:00:00")
                .row(2, "Beta", "1000.00", "paid", "2026-01-16T11:30:00")
                .row(3, "Gamma", "99.90", "cancelled", "2026-01-17T09:15:00");

        assertRows(OrderTransforms.transform(orders), LiteralSource.of(OrderTransforms.MART)
                .row(1, "Acme", "2500.00", "large", "2026-01-15T10:00:00")
                .row(2, "Beta", "1000.00", "small", "2026-01-16T11:30:00"));
    }
}
