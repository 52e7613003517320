package io.strata.orchestration.cron;

import static io.strata.orchestration.cron.RobfigTimes.time;
import static io.strata.orchestration.cron.RobfigTimes.withSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link SpecSchedule#next}, against robfig/cron v3.0.1's spec_test.go and by hand through its algorithm. */
class SpecScheduleNextTest {

    private static Optional<ZonedDateTime> next(String spec, String after) {
        return CronSchedule.parse(spec).next(time(after));
    }

    /** robfig TestActivation: the spec fires at {@code time} exactly when {@code expected}. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Mon Jul 9 15:00 2012|0/15 * * * *|true",
        "Mon Jul 9 15:45 2012|0/15 * * * *|true",
        "Mon Jul 9 15:40 2012|0/15 * * * *|false",
        "Mon Jul 9 15:05 2012|5/15 * * * *|true",
        "Mon Jul 9 15:20 2012|5/15 * * * *|true",
        "Mon Jul 9 15:50 2012|5/15 * * * *|true",
        "Sun Jul 15 15:00 2012|0/15 * * Jul *|true",
        "Sun Jul 15 15:00 2012|0/15 * * Jun *|false",
        "Sun Jul 15 08:30 2012|30 08 ? Jul Sun|true",
        "Sun Jul 15 08:30 2012|30 08 15 Jul ?|true",
        "Mon Jul 16 08:30 2012|30 08 ? Jul Sun|false",
        "Mon Jul 16 08:30 2012|30 08 15 Jul ?|false",
        "Mon Jul 9 15:00 2012|@hourly|true",
        "Mon Jul 9 15:04 2012|@hourly|false",
        "Mon Jul 9 15:00 2012|@daily|false",
        "Mon Jul 9 00:00 2012|@daily|true",
        "Mon Jul 9 00:00 2012|@weekly|false",
        "Sun Jul 8 00:00 2012|@weekly|true",
        "Sun Jul 8 01:00 2012|@weekly|false",
        "Sun Jul 8 00:00 2012|@monthly|false",
        "Sun Jul 1 00:00 2012|@monthly|true",
        // Both day fields restricted: either may match.
        "Sun Jul 15 00:00 2012|* * 1,15 * Sun|true",
        "Fri Jun 15 00:00 2012|* * 1,15 * Sun|true",
        "Wed Aug 1 00:00 2012|* * 1,15 * Sun|true",
        "Sun Jul 15 00:00 2012|* * */10 * Sun|true",
        // One of them a star: both must match.
        "Sun Jul 15 00:00 2012|* * * * Mon|false",
        "Mon Jul 9 00:00 2012|* * 1,15 * *|false",
        "Sun Jul 15 00:00 2012|* * 1,15 * *|true",
        "Sun Jul 15 00:00 2012|* * */2 * Sun|true",
    })
    void activation(String at, String spec, boolean fires) {
        ZonedDateTime moment = time(at);
        Optional<ZonedDateTime> next = CronSchedule.parse(spec).next(moment.minusSeconds(1));
        assertThat(next.map(ZonedDateTime::toInstant).equals(Optional.of(moment.toInstant()))).isEqualTo(fires);
    }

    /** robfig TestNext, with its second-granularity parser; an empty expectation is the zero time. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Mon Jul 9 14:45 2012|0 0/15 * * * *|Mon Jul 9 15:00 2012",
        "Mon Jul 9 14:59 2012|0 0/15 * * * *|Mon Jul 9 15:00 2012",
        "Mon Jul 9 14:59:59 2012|0 0/15 * * * *|Mon Jul 9 15:00 2012",
        "Mon Jul 9 15:45 2012|0 20-35/15 * * * *|Mon Jul 9 16:20 2012",
        "Mon Jul 9 23:46 2012|0 */15 * * * *|Tue Jul 10 00:00 2012",
        "Mon Jul 9 23:45 2012|0 20-35/15 * * * *|Tue Jul 10 00:20 2012",
        "Mon Jul 9 23:35:51 2012|15/35 20-35/15 * * * *|Tue Jul 10 00:20:15 2012",
        "Mon Jul 9 23:35:51 2012|15/35 20-35/15 1/2 * * *|Tue Jul 10 01:20:15 2012",
        "Mon Jul 9 23:35:51 2012|15/35 20-35/15 10-12 * * *|Tue Jul 10 10:20:15 2012",
        "Mon Jul 9 23:35:51 2012|15/35 20-35/15 1/2 */2 * *|Thu Jul 11 01:20:15 2012",
        "Mon Jul 9 23:35:51 2012|15/35 20-35/15 * 9-20 * *|Wed Jul 10 00:20:15 2012",
        "Mon Jul 9 23:35:51 2012|15/35 20-35/15 * 9-20 Jul *|Wed Jul 10 00:20:15 2012",
        "Mon Jul 9 23:35 2012|0 0 0 9 Apr-Oct ?|Thu Aug 9 00:00 2012",
        "Mon Jul 9 23:35 2012|0 0 0 */5 Apr,Aug,Oct Mon|Tue Aug 1 00:00 2012",
        "Mon Jul 9 23:35 2012|0 0 0 */5 Oct Mon|Mon Oct 1 00:00 2012",
        "Mon Jul 9 23:35 2012|0 0 0 * Feb Mon|Mon Feb 4 00:00 2013",
        "Mon Jul 9 23:35 2012|0 0 0 * Feb Mon/2|Fri Feb 1 00:00 2013",
        "Mon Dec 31 23:59:45 2012|0 * * * * *|Tue Jan 1 00:00:00 2013",
        "Mon Jul 9 23:35 2012|0 0 0 29 Feb ?|Mon Feb 29 00:00 2016",
        // Spring forward in New York: 2am EST (-5) -> 3am EDT (-4).
        "2012-03-11T00:00:00-0500|TZ=America/New_York 0 30 2 11 Mar ?|2013-03-11T02:30:00-0400",
        "2012-03-11T00:00:00-0500|TZ=America/New_York 0 0 * * * ?|2012-03-11T01:00:00-0500",
        "2012-03-11T01:00:00-0500|TZ=America/New_York 0 0 * * * ?|2012-03-11T03:00:00-0400",
        "2012-03-11T03:00:00-0400|TZ=America/New_York 0 0 * * * ?|2012-03-11T04:00:00-0400",
        "2012-03-11T04:00:00-0400|TZ=America/New_York 0 0 * * * ?|2012-03-11T05:00:00-0400",
        "2012-03-11T00:00:00-0500|CRON_TZ=America/New_York 0 0 * * * ?|2012-03-11T01:00:00-0500",
        "2012-03-11T01:00:00-0500|CRON_TZ=America/New_York 0 0 * * * ?|2012-03-11T03:00:00-0400",
        "2012-03-11T03:00:00-0400|CRON_TZ=America/New_York 0 0 * * * ?|2012-03-11T04:00:00-0400",
        "2012-03-11T04:00:00-0400|CRON_TZ=America/New_York 0 0 * * * ?|2012-03-11T05:00:00-0400",
        "2012-03-11T00:00:00-0500|TZ=America/New_York 0 0 1 * * ?|2012-03-11T01:00:00-0500",
        "2012-03-11T01:00:00-0500|TZ=America/New_York 0 0 1 * * ?|2012-03-12T01:00:00-0400",
        "2012-03-11T00:00:00-0500|TZ=America/New_York 0 0 2 * * ?|2012-03-12T02:00:00-0400",
        // Fall back in New York: 2am EDT (-4) -> 1am EST (-5).
        "2012-11-04T00:00:00-0400|TZ=America/New_York 0 30 2 04 Nov ?|2012-11-04T02:30:00-0500",
        "2012-11-04T01:45:00-0400|TZ=America/New_York 0 30 1 04 Nov ?|2012-11-04T01:30:00-0500",
        "2012-11-04T00:00:00-0400|TZ=America/New_York 0 0 * * * ?|2012-11-04T01:00:00-0400",
        "2012-11-04T01:00:00-0400|TZ=America/New_York 0 0 * * * ?|2012-11-04T01:00:00-0500",
        "2012-11-04T01:00:00-0500|TZ=America/New_York 0 0 * * * ?|2012-11-04T02:00:00-0500",
        "2012-11-04T00:00:00-0400|TZ=America/New_York 0 0 1 * * ?|2012-11-04T01:00:00-0400",
        "2012-11-04T01:00:00-0400|TZ=America/New_York 0 0 1 * * ?|2012-11-04T01:00:00-0500",
        "2012-11-04T01:00:00-0500|TZ=America/New_York 0 0 1 * * ?|2012-11-05T01:00:00-0500",
        "2012-11-04T00:00:00-0400|TZ=America/New_York 0 0 2 * * ?|2012-11-04T02:00:00-0500",
        "2012-11-04T02:00:00-0500|TZ=America/New_York 0 0 2 * * ?|2012-11-05T02:00:00-0500",
        "2012-11-04T00:00:00-0400|TZ=America/New_York 0 0 3 * * ?|2012-11-04T03:00:00-0500",
        "2012-11-04T03:00:00-0500|TZ=America/New_York 0 0 3 * * ?|2012-11-05T03:00:00-0500",
        // The time given in the zone, the schedule without one.
        "TZ=America/New_York 2012-11-04T00:00:00-0400|0 0 * * * ?|2012-11-04T01:00:00-0400",
        "TZ=America/New_York 2012-11-04T01:00:00-0400|0 0 * * * ?|2012-11-04T01:00:00-0500",
        "TZ=America/New_York 2012-11-04T01:00:00-0500|0 0 * * * ?|2012-11-04T02:00:00-0500",
        "TZ=America/New_York 2012-11-04T00:00:00-0400|0 0 1 * * ?|2012-11-04T01:00:00-0400",
        "TZ=America/New_York 2012-11-04T01:00:00-0400|0 0 1 * * ?|2012-11-04T01:00:00-0500",
        "TZ=America/New_York 2012-11-04T01:00:00-0500|0 0 1 * * ?|2012-11-05T01:00:00-0500",
        "TZ=America/New_York 2012-11-04T00:00:00-0400|0 0 2 * * ?|2012-11-04T02:00:00-0500",
        "TZ=America/New_York 2012-11-04T02:00:00-0500|0 0 2 * * ?|2012-11-05T02:00:00-0500",
        "TZ=America/New_York 2012-11-04T00:00:00-0400|0 0 3 * * ?|2012-11-04T03:00:00-0500",
        "TZ=America/New_York 2012-11-04T03:00:00-0500|0 0 3 * * ?|2012-11-05T03:00:00-0500",
        // Unsatisfiable.
        "Mon Jul 9 23:35 2012|0 0 0 30 Feb ?|",
        "Mon Jul 9 23:35 2012|0 0 0 31 Apr ?|",
        "TZ=America/New_York 2012-11-04T00:00:00-0400|0 0 3 3 * ?|2012-12-03T03:00:00-0500",
        // Midnight does not exist on some days in São Paulo (robfig issue 157).
        "2018-10-17T05:00:00-0400|TZ=America/Sao_Paulo 0 0 9 10 * ?|2018-11-10T06:00:00-0500",
        "2018-02-14T05:00:00-0500|TZ=America/Sao_Paulo 0 0 9 22 * ?|2018-02-22T07:00:00-0500",
    })
    void robfigsNext(String after, String spec, String expected) {
        Optional<ZonedDateTime> actual = withSeconds(spec).next(time(after));
        if (expected == null) {
            assertThat(actual).isEmpty();
        } else {
            assertThat(actual).isPresent();
            assertThat(actual.get().toInstant()).isEqualTo(time(expected).toInstant());
        }
    }

    /** robfig TestNextWithTz: a schedule without a zone works in the zone of the time given. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2016-01-03T13:09:03+0530|14 14 * * *|2016-01-03T14:14:00+0530",
        "2016-01-03T04:09:03+0530|14 14 * * ?|2016-01-03T14:14:00+0530",
        "2016-01-03T14:09:03+0530|14 14 * * *|2016-01-03T14:14:00+0530",
        "2016-01-03T14:00:00+0530|14 14 * * ?|2016-01-03T14:14:00+0530",
    })
    void aScheduleWithoutAZoneUsesTheZoneOfTheTimeGiven(String after, String spec, String expected) {
        ZonedDateTime actual = next(spec, after).orElseThrow();
        assertThat(actual.toOffsetDateTime()).isEqualTo(time(expected).toOffsetDateTime());
    }

    @Test
    void theResultIsInTheZoneOfTheTimeGivenEvenWhenTheScheduleHasItsOwn() {
        ZonedDateTime utc = ZonedDateTime.parse("2024-01-09T12:00:00Z");
        ZonedDateTime next = CronSchedule.parse("TZ=Asia/Tokyo 0 9 * * *").next(utc).orElseThrow();
        assertThat(next).isEqualTo(ZonedDateTime.parse("2024-01-10T00:00:00Z"));
        assertThat(CronSchedule.parse("TZ=Asia/Tokyo 0 9 * * *").next(next).orElseThrow())
                .isEqualTo(ZonedDateTime.parse("2024-01-11T00:00:00Z"));
    }

    @Test
    void nextIsStrictlyAfterAndAtAWholeSecond() {
        ZonedDateTime at = ZonedDateTime.parse("2024-05-01T03:00:00.000000001Z");
        assertThat(CronSchedule.parse("0 3 * * *").next(at)).contains(ZonedDateTime.parse("2024-05-02T03:00:00Z"));
        assertThat(CronSchedule.parse("0 3 * * *").next(ZonedDateTime.parse("2024-05-01T02:59:59.999Z")))
                .contains(ZonedDateTime.parse("2024-05-01T03:00:00Z"));
    }

    @Test
    void noTimeWithinFiveYearsIsNoNextTime() {
        ZonedDateTime start = ZonedDateTime.parse("2024-01-01T00:00:00Z");
        assertThat(CronSchedule.parse("0 0 30 2 *").next(start)).isEmpty();
        assertThat(CronSchedule.parse("59 23 31 2 *").next(start)).isEmpty();
        assertThat(CronSchedule.parse("0 0 31 4,6,9,11 *").next(start)).isEmpty();
        assertThat(CronSchedule.parse("0 0 , * *").next(start)).as("a day of month with no value").isEmpty();
        // Both day fields restricted: the OR rule makes the 30th of February run on Mondays.
        assertThat(CronSchedule.parse("0 0 30 2 1").next(start)).contains(ZonedDateTime.parse("2024-02-05T00:00:00Z"));
    }

    @Test
    void theLeapDayIsFoundAcrossTheYearsInBetween() {
        assertThat(CronSchedule.parse("0 0 29 2 *").next(ZonedDateTime.parse("2024-03-01T00:00:00Z")))
                .contains(ZonedDateTime.parse("2028-02-29T00:00:00Z"));
        // The search ends with the year 2096 + 5; 2100 is no leap year, so 2104 is out of reach.
        assertThat(CronSchedule.parse("0 0 29 2 *").next(ZonedDateTime.parse("2096-03-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void dayOfMonthAndDayOfWeekOrUnlessEitherIsAStar() {
        ZonedDateTime start = ZonedDateTime.parse("2024-06-01T12:00:00Z"); // a Saturday
        assertThat(times("0 0 13 * 5", start, 4)).as("the 13th or any Friday").containsExactly(
                "2024-06-07T00:00Z", "2024-06-13T00:00Z", "2024-06-14T00:00Z", "2024-06-21T00:00Z");
        assertThat(times("0 0 * * 5", start, 2)).as("Fridays").containsExactly(
                "2024-06-07T00:00Z", "2024-06-14T00:00Z");
        assertThat(times("0 0 ? * 5", start, 1)).containsExactly("2024-06-07T00:00Z");
        assertThat(times("0 0 */1 * 5", start, 1)).as("*/1 is a star").containsExactly("2024-06-07T00:00Z");
        assertThat(times("0 0 */2 * 5", start, 3)).as("*/2 is not a star: odd days or Fridays")
                .containsExactly("2024-06-03T00:00Z", "2024-06-05T00:00Z", "2024-06-07T00:00Z");
        assertThat(times("0 0 1-31 * 5", start, 2)).as("1-31 is every day but not a star: OR")
                .containsExactly("2024-06-02T00:00Z", "2024-06-03T00:00Z");
    }

    private static List<String> times(String spec, ZonedDateTime start, int count) {
        CronSchedule schedule = CronSchedule.parse(spec);
        List<String> result = new ArrayList<>();
        ZonedDateTime t = start;
        for (int i = 0; i < count; i++) {
            t = schedule.next(t).orElseThrow();
            result.add(t.toOffsetDateTime().toString());
        }
        return result;
    }

    /** The next {@code count} times from {@code start} given in {@code zone}, as instants. */
    static List<Instant> chain(String spec, String zone, String start, int count) {
        CronSchedule schedule = CronSchedule.parse(spec);
        List<Instant> result = new ArrayList<>();
        ZonedDateTime t = OffsetDateTime.parse(start).atZoneSameInstant(ZoneId.of(zone));
        for (int i = 0; i < count; i++) {
            t = schedule.next(t).orElseThrow();
            assertThat(t.getZone()).isEqualTo(ZoneId.of(zone));
            result.add(t.toInstant());
        }
        return result;
    }
}
