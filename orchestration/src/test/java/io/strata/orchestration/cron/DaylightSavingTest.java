package io.strata.orchestration.cron;

import static io.strata.orchestration.cron.SpecScheduleNextTest.chain;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * Schedules across daylight-saving changes, in the schedule's zone, as robfig's Next computes
 * them with Go's time package. The expectations are robfig's algorithm stepped through by hand
 * (its own New York and São Paulo cases are in {@link SpecScheduleNextTest}); in short: hours and
 * minutes advance by real time, so a wall time inside a spring gap is skipped (the daily run does
 * not happen that day), and a wall time inside an autumn repeat matches twice (the run happens
 * twice, an hour apart).
 *
 * <p>2024: Europe/Berlin springs forward on 31 March 02:00 CET -> 03:00 CEST and falls back on
 * 27 October 03:00 CEST -> 02:00 CET; America/New_York springs forward on 10 March
 * 02:00 EST -> 03:00 EDT and falls back on 3 November 02:00 EDT -> 01:00 EST.
 */
class DaylightSavingTest {

    private static Instant at(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }

    @Test
    void berlinDailyAt0230IsSkippedOnTheDayItDoesNotExist() {
        assertThat(chain("TZ=Europe/Berlin 30 2 * * *", "UTC", "2024-03-30T00:00:00Z", 3)).containsExactly(
                at("2024-03-30T02:30+01:00"), at("2024-04-01T02:30+02:00"), at("2024-04-02T02:30+02:00"));
    }

    @Test
    void berlinDailyAt0230RunsTwiceOnTheDayItHappensTwice() {
        assertThat(chain("TZ=Europe/Berlin 30 2 * * *", "Europe/Berlin", "2024-10-26T00:00:00+02:00", 4))
                .containsExactly(at("2024-10-26T02:30+02:00"), at("2024-10-27T02:30+02:00"),
                        at("2024-10-27T02:30+01:00"), at("2024-10-28T02:30+01:00"));
    }

    @Test
    void berlinHourlyAcrossBothChanges() {
        assertThat(chain("TZ=Europe/Berlin 0 * * * *", "Europe/Berlin", "2024-03-31T00:30:00+01:00", 3))
                .containsExactly(at("2024-03-31T01:00+01:00"), at("2024-03-31T03:00+02:00"), at("2024-03-31T04:00+02:00"));
        assertThat(chain("TZ=Europe/Berlin 0 * * * *", "Europe/Berlin", "2024-10-27T01:30:00+02:00", 4))
                .containsExactly(at("2024-10-27T02:00+02:00"), at("2024-10-27T02:00+01:00"),
                        at("2024-10-27T03:00+01:00"), at("2024-10-27T04:00+01:00"));
    }

    @Test
    void berlinEveryFifteenMinutesAcrossBothChanges() {
        assertThat(chain("TZ=Europe/Berlin */15 * * * *", "Europe/Berlin", "2024-03-31T01:40:00+01:00", 3))
                .containsExactly(at("2024-03-31T01:45+01:00"), at("2024-03-31T03:00+02:00"), at("2024-03-31T03:15+02:00"));
        assertThat(chain("TZ=Europe/Berlin */15 * * * *", "Europe/Berlin", "2024-10-27T02:40:00+02:00", 3))
                .containsExactly(at("2024-10-27T02:45+02:00"), at("2024-10-27T02:00+01:00"), at("2024-10-27T02:15+01:00"));
    }

    @Test
    void newYorkDailyAt0230() {
        assertThat(chain("TZ=America/New_York 30 2 * * *", "UTC", "2024-03-09T12:00:00Z", 2))
                .as("skipped on 10 March").containsExactly(at("2024-03-11T02:30-04:00"), at("2024-03-12T02:30-04:00"));
        assertThat(chain("TZ=America/New_York 30 2 * * *", "UTC", "2024-11-02T12:00:00Z", 2))
                .as("once on 3 November: 02:00-02:59 EDT never shows on the clock")
                .containsExactly(at("2024-11-03T02:30-05:00"), at("2024-11-04T02:30-05:00"));
    }

    @Test
    void newYorkHourlyAndEveryFifteenMinutes() {
        assertThat(chain("TZ=America/New_York 0 * * * *", "UTC", "2024-03-10T06:30:00Z", 2))
                .containsExactly(at("2024-03-10T03:00-04:00"), at("2024-03-10T04:00-04:00"));
        assertThat(chain("TZ=America/New_York 0 * * * *", "UTC", "2024-11-03T04:30:00Z", 3))
                .containsExactly(at("2024-11-03T01:00-04:00"), at("2024-11-03T01:00-05:00"), at("2024-11-03T02:00-05:00"));
        assertThat(chain("TZ=America/New_York */15 * * * *", "UTC", "2024-03-10T06:50:00Z", 2))
                .containsExactly(at("2024-03-10T03:00-04:00"), at("2024-03-10T03:15-04:00"));
        assertThat(chain("TZ=America/New_York */15 * * * *", "UTC", "2024-11-03T05:50:00Z", 2))
                .containsExactly(at("2024-11-03T01:00-05:00"), at("2024-11-03T01:15-05:00"));
    }

    @Test
    void aScheduleWithoutAZoneFollowsTheZoneOfTheTimesItIsGiven() {
        // As the controller does with a CronJob without spec.timeZone: its own local zone.
        assertThat(chain("30 2 * * *", "Europe/Berlin", "2024-03-30T12:00:00+01:00", 1))
                .containsExactly(at("2024-04-01T02:30+02:00"));
        assertThat(chain("30 2 * * *", "UTC", "2024-03-30T12:00:00+01:00", 1))
                .containsExactly(at("2024-03-31T02:30Z"));
    }

    @Test
    void goResolvesAnAmbiguousMidnightAndAGapDifferentlyFromJavaTime() {
        // A daily midnight run in São Paulo: 4 November 2018 had no midnight (00:00 -> 01:00), and
        // robfig, counting hours in real time, goes from 23:00 to 01:00 and on to the 5th.
        ZonedDateTime after = ZonedDateTime.parse("2018-11-03T12:00:00-03:00[America/Sao_Paulo]");
        assertThat(CronSchedule.parse("TZ=America/Sao_Paulo 0 0 * * *").next(after).orElseThrow().toInstant())
                .isEqualTo(at("2018-11-05T00:00-02:00"));
        // java.time puts that missing midnight at 01:00-02; Go's Date at 23:00-03 the day before.
        assertThat(GoTime.date(2018, 11, 4, 0, 0, 0, 0, ZoneId.of("America/Sao_Paulo").getRules()).instant())
                .isEqualTo(at("2018-11-03T23:00-03:00"));
        // A Berlin 02:30 in the autumn repeat is the second (CET) one in Go, the first in java.time.
        assertThat(GoTime.date(2024, 10, 27, 2, 30, 0, 0, ZoneId.of("Europe/Berlin").getRules()).instant())
                .isEqualTo(at("2024-10-27T02:30+01:00"));
        // A New York 02:30 in the spring gap is 01:30 EST in Go, 03:30 EDT in java.time.
        assertThat(GoTime.date(2024, 3, 10, 2, 30, 0, 0, ZoneId.of("America/New_York").getRules()).instant())
                .isEqualTo(at("2024-03-10T01:30-05:00"));
        // And a New York 01:30 in the autumn repeat is the first (EDT) one.
        assertThat(GoTime.date(2024, 11, 3, 1, 30, 0, 0, ZoneId.of("America/New_York").getRules()).instant())
                .isEqualTo(at("2024-11-03T01:30-04:00"));
    }
}
