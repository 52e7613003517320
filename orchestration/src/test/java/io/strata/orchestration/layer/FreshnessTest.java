package io.strata.orchestration.layer;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.orchestration.cron.CronSchedule;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The freshness rule: stale once two scheduled times and the usual run time passed without a write. */
class FreshnessTest {

    private static final Instant CREATED = Instant.parse("2026-11-01T00:00:00Z");

    private static Freshness daily(String lastWrite, Duration usual) {
        return Freshness.of("marts.customers", lastWrite == null ? null : Instant.parse(lastWrite), CREATED,
                CronSchedule.parse("0 3 * * *"), ZoneOffset.UTC, usual);
    }

    @Test
    void oneMissedRunIsStillFreshTheSecondMakesItStale() {
        Freshness f = daily("2026-11-25T03:00:05Z", Duration.ofMinutes(2));

        assertThat(f.staleSince()).isEqualTo(Instant.parse("2026-11-27T03:02:00Z"));
        assertThat(f.describe(Instant.parse("2026-11-26T15:00:05Z"))).isEqualTo("marts.customers fresh (36 h old)");
        assertThat(f.staleAt(Instant.parse("2026-11-27T03:02:00Z"))).isFalse();
        assertThat(f.describe(Instant.parse("2026-11-27T03:02:01Z"))).isEqualTo("marts.customers stale (2 d old)");
    }

    @Test
    void aWeekdayScheduleStaysFreshOverTheWeekend() {
        // Friday 2026-11-27, 06:00: the next runs are Monday and Tuesday.
        Freshness f = Freshness.of("marts.orders", Instant.parse("2026-11-27T06:00:00Z"), CREATED,
                CronSchedule.parse("0 6 * * 1-5"), ZoneOffset.UTC, Duration.ZERO);

        assertThat(f.staleAt(Instant.parse("2026-11-30T12:00:00Z"))).isFalse();
        assertThat(f.staleSince()).isEqualTo(Instant.parse("2026-12-01T06:00:00Z"));
    }

    @Test
    void aTableNeverWrittenCountsFromTheCronJobsCreation() {
        Freshness f = daily(null, Duration.ZERO);

        assertThat(f.describe(Instant.parse("2026-11-02T02:00:00Z"))).isEqualTo("marts.customers not written yet");
        assertThat(f.describe(Instant.parse("2026-11-02T03:00:01Z"))).isEqualTo("marts.customers stale (never written)");
    }

    @Test
    void aScheduleThatNeverFiresNeverMakesATableStale() {
        Freshness f = Freshness.of("t", null, CREATED, CronSchedule.parse("0 0 30 2 *"), ZoneOffset.UTC, Duration.ZERO);

        assertThat(f.staleAt(Instant.parse("2030-01-01T00:00:00Z"))).isFalse();
    }
}
