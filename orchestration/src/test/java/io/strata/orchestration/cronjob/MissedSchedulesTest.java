package io.strata.orchestration.cronjob;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.orchestration.cron.CronSchedule;
import io.strata.orchestration.cronjob.MissedSchedules.Missed;
import io.strata.orchestration.cronjob.MissedSchedules.MostRecent;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code mostRecentScheduleTime} and {@code nextScheduleTimeDuration}: the cases of Kubernetes'
 * {@code TestMostRecentScheduleTime} and {@code TestNextScheduleTimeDuration}
 * (pkg/controller/cronjob/utils_test.go), offsets from their top of the hour, 2016-05-19T10:00Z
 * (a Thursday). Two of them show the estimate skipping missed times of an irregular schedule.
 */
class MissedSchedulesTest {

    private static final Instant TOP = Instant.parse("2016-05-19T10:00:00Z");

    private static Instant at(String offset) {
        return offset.startsWith("-") ? TOP.minus(Duration.parse(offset.substring(1))) : TOP.plus(Duration.parse(offset));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // case                                  |schedule         |created|last  |deadline|with deadline|now       |earliest|most recent|missed|error
        "now before next schedule                |0 * * * *        |PT0S   |-     |-       |false|PT30S       |PT0S   |-           |NONE|false",
        "now just after next schedule            |0 * * * *        |PT0S   |-     |-       |false|PT61M       |PT0S   |PT60M       |NONE|false",
        "missed 5 schedules                      |0 * * * *        |PT10S  |-     |-       |false|PT301M      |PT10S  |PT300M      |FEW |false",
        "complex schedule                        |30 6-16/4 * * 1-5|PT0S   |PT30M |-       |false|PT24H31M    |PT30M  |PT24H30M    |FEW |false",
        "another complex schedule                |30 10,11,12 * * 1-5|PT0S |PT30M |-       |false|PT30H30M    |PT30M  |-           |FEW |false",
        "complex schedule, longer diff           |30 6-16/4 * * 1-5|PT0S   |PT30M |-       |false|PT96H31M    |PT30M  |PT96H30M    |FEW |false",
        "complex schedule, shorter diff          |30 6-16/4 * * 1-5|PT0S   |-     |-       |false|PT24H31M    |PT0S   |PT24H30M    |FEW |false",
        "@every schedule                         |@every 1h        |-PT59M |PT1M  |10      |false|PT168H      |PT1M   |PT167H1M    |MANY|false",
        "rogue cronjob                           |59 23 31 2 *     |PT10S  |-     |-       |false|PT1H        |PT10S  |-           |NONE|true",
        "earliest is creation and last schedule  |0 * * * *        |PT0S   |PT0S  |-       |false|PT30S       |PT0S   |-           |NONE|false",
        "earliest is last schedule               |*/5 * * * *      |PT0S   |PT30M |-       |false|PT31M       |PT30M  |-           |NONE|false",
        "within starting deadline                |*/5 * * * *      |PT0S   |PT30M |60      |false|PT31M       |PT30M  |-           |NONE|false",
        "outside starting deadline               |*/5 * * * *      |PT0S   |PT30M |60      |true |PT32M       |PT31M  |-           |NONE|false",
    })
    void mostRecentScheduleTime(String name, String schedule, String created, String last, Long deadline,
            boolean includeDeadline, String now, String earliest, String mostRecent, Missed missed, boolean error) {
        MissedSchedules missedSchedules = new MissedSchedules(CronSchedule.parse(schedule), ZoneOffset.UTC);
        ScheduleState state = new ScheduleState(at(created), Optional.ofNullable(last).map(MissedSchedulesTest::at), List.of());

        MostRecent result = missedSchedules.mostRecent(state, Optional.ofNullable(deadline), at(now), includeDeadline);

        assertThat(result.error().isPresent()).isEqualTo(error);
        if (!error) {
            assertThat(result.earliest()).isEqualTo(at(earliest));
            assertThat(result.mostRecent()).isEqualTo(Optional.ofNullable(mostRecent).map(MissedSchedulesTest::at));
            assertThat(result.missed()).isEqualTo(missed);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "complex schedule skipping weekend        |30 6-16/4 * * 1-5  |PT30M|PT24H31M         |PT3H59M0.1S",
        "another complex schedule skipping weekend|30 10,11,12 * * 1-5|PT30M|PT30H30M         |PT66H0.1S",
        "once a week cronjob, missed two runs     |0 12 * * 4         |PT2H |PT457H30M        |PT48H30M0.1S",
    })
    void nextScheduleTimeDuration(String name, String schedule, String last, String now, Duration expected) {
        MissedSchedules missedSchedules = new MissedSchedules(CronSchedule.parse(schedule), ZoneOffset.UTC);
        ScheduleState state = ScheduleState.createdAt(TOP).withLastScheduleTime(at(last));

        assertThat(missedSchedules.wakeAt(state, at(now)).map(t -> Duration.between(at(now), t))).contains(expected);
    }

    @org.junit.jupiter.api.Test
    void noPreviousRun() { // TestNextScheduleTimeDuration "no previous run of a cronjob"
        MissedSchedules missedSchedules = new MissedSchedules(CronSchedule.parse("0 12 * * 5"), ZoneOffset.UTC);
        assertThat(missedSchedules.wakeAt(ScheduleState.createdAt(TOP), at("PT6H")).map(t -> Duration.between(at("PT6H"), t)))
                .contains(Duration.parse("PT20H0.1S"));
    }

    @org.junit.jupiter.api.Test
    void goDurationArithmetic() {
        assertThat(MissedSchedules.roundToSecond(1_499_999_999L)).isEqualTo(1_000_000_000L);
        assertThat(MissedSchedules.roundToSecond(1_500_000_000L)).isEqualTo(2_000_000_000L);
        assertThat(MissedSchedules.roundToSecond(-1_500_000_000L)).isEqualTo(-2_000_000_000L);
        assertThat(MissedSchedules.roundToSecond(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
        assertThat(MissedSchedules.sub(Instant.parse("2300-01-01T00:00:00Z"), Instant.parse("1970-01-01T00:00:00Z")))
                .as("saturates beyond 292 years").isEqualTo(Long.MAX_VALUE);
        assertThat(MissedSchedules.sub(Instant.parse("1970-01-01T00:00:00Z"), Instant.parse("2300-01-01T00:00:00Z")))
                .isEqualTo(Long.MIN_VALUE);
        assertThat((long) MissedSchedules.seconds(5_999_999_999L)).isEqualTo(5);
    }
}
