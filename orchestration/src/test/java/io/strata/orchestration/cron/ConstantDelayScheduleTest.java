package io.strata.orchestration.cron;

import static io.strata.orchestration.cron.RobfigTimes.time;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code @every}: robfig/cron v3.0.1's constantdelay_test.go (TestConstantDelayNext), through the parser. */
class ConstantDelayScheduleTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Mon Jul 9 14:45 2012|15m50ns|Mon Jul 9 15:00 2012",
        "Mon Jul 9 14:59 2012|15m|Mon Jul 9 15:14 2012",
        "Mon Jul 9 14:59:59 2012|15m|Mon Jul 9 15:14:59 2012",
        "Mon Jul 9 15:45 2012|35m|Mon Jul 9 16:20 2012",
        "Mon Jul 9 23:46 2012|14m|Tue Jul 10 00:00 2012",
        "Mon Jul 9 23:45 2012|35m|Tue Jul 10 00:20 2012",
        "Mon Jul 9 23:35:51 2012|44m24s|Tue Jul 10 00:20:15 2012",
        "Mon Jul 9 23:35:51 2012|25h44m24s|Thu Jul 11 01:20:15 2012",
        "Mon Jul 9 23:35 2012|2184h25m|Thu Oct 9 00:00 2012",
        "Mon Dec 31 23:59:45 2012|15s|Tue Jan 1 00:00:00 2013",
        "Mon Jul 9 14:45:00 2012|15ms|Mon Jul 9 14:45:01 2012",
        "Mon Jul 9 14:45:00.005 2012|15m|Mon Jul 9 15:00 2012",
        "Mon Jul 9 14:45:00.005 2012|15m50ns|Mon Jul 9 15:00 2012",
    })
    void robfigsConstantDelayNext(String after, String duration, String expected) {
        ZonedDateTime next = CronSchedule.parse("@every " + duration).next(time(after)).orElseThrow();
        assertThat(next).isEqualTo(time(expected));
    }

    @Test
    void aDelayIsRealTimeAcrossADaylightSavingChange() {
        ZonedDateTime before = ZonedDateTime.parse("2024-03-31T01:30:00+01:00[Europe/Berlin]");
        assertThat(CronSchedule.parse("TZ=Europe/Berlin @every 1h").next(before).orElseThrow())
                .isEqualTo(ZonedDateTime.parse("2024-03-31T03:30:00+02:00[Europe/Berlin]"));
    }
}
