package io.strata.orchestration.cronjob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Whole situations a local scheduler meets, decided with an injected clock. */
class CronJobControllerScenarioTest {

    private static final ZoneId UTC = ZoneOffset.UTC;

    private static Instant t(String text) {
        return Instant.parse(text);
    }

    @Test
    void afterDowntimeOnlyTheMostRecentMissedTimeRunsAndOnlyOnce() {
        CronJobSchedule nightly = CronJobSchedule.of("0 3 * * *");
        ScheduleState state = ScheduleState.createdAt(t("2024-04-01T00:00:00Z")).withLastScheduleTime(t("2024-05-01T03:00:00Z"));

        Decision first = CronJobController.decide(nightly, state, t("2024-05-05T10:00:00Z"), UTC);
        assertThat(first).isInstanceOf(Decision.Run.class);
        Decision.Run run = (Decision.Run) first;
        assertThat(run.scheduledTime()).isEqualTo(t("2024-05-05T03:00:00Z"));
        assertThat(run.tooManyMissed()).isFalse();
        assertThat(run.wakeAt()).contains(t("2024-05-06T03:00:00.100Z"));

        ScheduleState afterStart = state.started(run, "run-1");
        Decision again = CronJobController.decide(nightly, afterStart, t("2024-05-05T10:00:01Z"), UTC);
        assertThat(again).isEqualTo(new Decision.Wait(Optional.of(t("2024-05-06T03:00:00.100Z"))));
    }

    @Test
    void moreThanAHundredMissedTimesWarnsButStillRunsTheLatest() {
        CronJobSchedule everyMinute = CronJobSchedule.of("* * * * *");
        ScheduleState state = ScheduleState.createdAt(t("2024-05-01T00:00:00Z"));
        Decision decision = CronJobController.decide(everyMinute, state, t("2024-05-01T05:00:30Z"), UTC);
        assertThat(decision).isEqualTo(new Decision.Run(t("2024-05-01T05:00:00Z"), List.of(), true,
                Optional.of(t("2024-05-01T05:01:00.100Z"))));
        assertThat(decision.describe()).contains("more than 100");
    }

    @Test
    void forbidHoldsTheDueTimeUntilTheActiveRunEndsThenStartsItLate() {
        CronJobSchedule hourly = CronJobSchedule.of("0 * * * *").withConcurrencyPolicy(ConcurrencyPolicy.FORBID);
        ScheduleState running = ScheduleState.createdAt(t("2024-05-01T00:00:00Z"))
                .withLastScheduleTime(t("2024-05-01T03:00:00Z"))
                .withActive(List.of(new ActiveRun("run-3", t("2024-05-01T03:00:00Z"))));

        Decision blocked = CronJobController.decide(hourly, running, t("2024-05-01T04:00:00.200Z"), UTC);
        assertThat(blocked).isInstanceOf(Decision.Skip.class);
        assertThat(((Decision.Skip) blocked).reason()).isEqualTo(SkipReason.FORBID_CONCURRENT);
        assertThat(((Decision.Skip) blocked).scheduledTime()).contains(t("2024-05-01T04:00:00Z"));

        ScheduleState done = running.finished("run-3");
        Decision late = CronJobController.decide(hourly, done, t("2024-05-01T04:20:00Z"), UTC);
        assertThat(late).isInstanceOf(Decision.Run.class);
        assertThat(((Decision.Run) late).scheduledTime()).isEqualTo(t("2024-05-01T04:00:00Z"));

        Decision tooLate = CronJobController.decide(hourly.withStartingDeadlineSeconds(600), done,
                t("2024-05-01T04:20:00Z"), UTC);
        assertThat(tooLate).isInstanceOf(Decision.Skip.class);
        assertThat(((Decision.Skip) tooLate).reason()).isEqualTo(SkipReason.MISSED_STARTING_DEADLINE);
        assertThat(tooLate.wakeAt()).contains(t("2024-05-01T05:00:00.100Z"));
    }

    @Test
    void replaceStopsEveryActiveRunFirst() {
        CronJobSchedule hourly = CronJobSchedule.of("0 * * * *").withConcurrencyPolicy(ConcurrencyPolicy.REPLACE);
        List<ActiveRun> active = List.of(new ActiveRun("a", t("2024-05-01T02:00:00Z")), new ActiveRun("b", t("2024-05-01T03:00:00Z")));
        ScheduleState state = ScheduleState.createdAt(t("2024-05-01T00:00:00Z"))
                .withLastScheduleTime(t("2024-05-01T03:00:00Z")).withActive(active);
        Decision.Run run = (Decision.Run) CronJobController.decide(hourly, state, t("2024-05-01T04:00:01Z"), UTC);
        assertThat(run.stopFirst()).isEqualTo(active);
        assertThat(state.started(run, "c").active()).containsExactly(new ActiveRun("c", t("2024-05-01T04:00:00Z")));
    }

    @Test
    void whileSuspendedNothingRunsAndUnsuspendingRunsTheLatestMissedTime() {
        CronJobSchedule hourly = CronJobSchedule.of("0 * * * *");
        ScheduleState state = ScheduleState.createdAt(t("2024-05-01T00:00:00Z")).withLastScheduleTime(t("2024-05-01T02:00:00Z"));

        Decision suspended = CronJobController.decide(hourly.withSuspend(true), state, t("2024-05-01T05:30:00Z"), UTC);
        assertThat(suspended).isInstanceOf(Decision.Skip.class);
        assertThat(((Decision.Skip) suspended).reason()).isEqualTo(SkipReason.SUSPENDED);
        assertThat(suspended.wakeAt()).isEmpty();

        Decision resumed = CronJobController.decide(hourly, state, t("2024-05-01T05:30:00Z"), UTC);
        assertThat(((Decision.Run) resumed).scheduledTime()).isEqualTo(t("2024-05-01T05:00:00Z"));

        Decision resumedWithDeadline = CronJobController.decide(hourly.withStartingDeadlineSeconds(60), state,
                t("2024-05-01T05:30:00Z"), UTC);
        assertThat(((Decision.Skip) resumedWithDeadline).reason()).isEqualTo(SkipReason.MISSED_STARTING_DEADLINE);
    }

    @Test
    void anIrregularScheduleCanLoseItsMissedTimesAsInACluster() {
        // Kubernetes' "another complex schedule": the gap estimate jumps past Friday's missed runs.
        CronJobSchedule weekdays = CronJobSchedule.of("30 10,11,12 * * 1-5");
        ScheduleState state = ScheduleState.createdAt(t("2016-05-19T10:00:00Z")).withLastScheduleTime(t("2016-05-19T10:30:00Z"));
        Decision decision = CronJobController.decide(weekdays, state, t("2016-05-20T16:30:00Z"), UTC);
        assertThat(decision).isEqualTo(new Decision.Wait(Optional.of(t("2016-05-23T10:30:00.100Z"))));
    }

    @Test
    void aScheduleThatNeverFiresIsReportedOnceAndNotLookedAtAgain() {
        Decision decision = CronJobController.decide(CronJobSchedule.of("0 0 30 2 *"),
                ScheduleState.createdAt(t("2024-01-01T00:00:00Z")), t("2024-03-01T00:00:00Z"), UTC);
        assertThat(decision).isInstanceOf(Decision.Skip.class);
        assertThat(((Decision.Skip) decision).reason()).isEqualTo(SkipReason.NEVER_FIRES);
        assertThat(decision.wakeAt()).isEmpty();
        assertThat(decision.describe()).contains("never fires");
    }

    @Test
    void aTimeThatSharesAMinuteWithAnActiveRunIsAlreadyStarted() {
        CronJobSchedule everyTenSeconds = CronJobSchedule.of("@every 10s");
        ScheduleState state = ScheduleState.createdAt(t("2024-05-01T09:00:00Z"))
                .withLastScheduleTime(t("2024-05-01T10:00:00Z"))
                .withActive(List.of(new ActiveRun("x", t("2024-05-01T10:00:00Z"))));
        Decision decision = CronJobController.decide(everyTenSeconds, state, t("2024-05-01T10:00:25Z"), UTC);
        assertThat(((Decision.Skip) decision).reason()).isEqualTo(SkipReason.ALREADY_STARTED);
        assertThat(((Decision.Skip) decision).scheduledTime()).contains(t("2024-05-01T10:00:20Z"));
    }

    @Test
    void timeZoneFollowsDaylightSavingWhateverTheControllersZone() {
        CronJobSchedule berlin = CronJobSchedule.of("30 2 * * *").withTimeZone("Europe/Berlin");
        ScheduleState state = ScheduleState.createdAt(t("2024-03-01T00:00:00Z")).withLastScheduleTime(t("2024-03-30T01:30:00Z"));
        // 31 March 2024 has no 02:30 in Berlin: nothing is due that day.
        assertThat(CronJobController.decide(berlin, state, t("2024-03-31T12:00:00Z"), UTC))
                .isEqualTo(new Decision.Wait(Optional.of(t("2024-04-01T00:30:00.100Z"))));
        assertThat(CronJobController.decide(berlin, state, t("2024-03-31T12:00:00Z"), ZoneId.of("Asia/Tokyo")))
                .isEqualTo(new Decision.Wait(Optional.of(t("2024-04-01T00:30:00.100Z"))));
    }

    @Test
    void withoutTimeZoneTheControllersOwnZoneApplies() {
        CronJobSchedule nightly = CronJobSchedule.of("0 3 * * *");
        ScheduleState state = ScheduleState.createdAt(t("2024-05-01T00:00:00Z"));
        Clock berlinClock = Clock.fixed(t("2024-05-01T01:00:05Z"), ZoneId.of("Europe/Berlin"));
        assertThat(((Decision.Run) CronJobController.decide(nightly, state, berlinClock)).scheduledTime())
                .isEqualTo(t("2024-05-01T01:00:00Z"));
        Clock utcClock = Clock.fixed(t("2024-05-01T01:00:05Z"), UTC);
        assertThat(CronJobController.decide(nightly, state, utcClock))
                .isEqualTo(new Decision.Wait(Optional.of(t("2024-05-01T03:00:00.100Z"))));
    }

    @Test
    void theStateKeepsWholeSecondsAsTheApiServerDoes() {
        ScheduleState state = new ScheduleState(t("2024-05-01T00:00:00.900Z"), Optional.of(t("2024-05-01T03:00:00.5Z")), List.of());
        assertThat(state.creationTime()).isEqualTo(t("2024-05-01T00:00:00Z"));
        assertThat(state.lastScheduleTime()).contains(t("2024-05-01T03:00:00Z"));
    }

    @Test
    void refusesWhatTheApiServerRefusesOnCreate() {
        assertThatThrownBy(() -> CronJobSchedule.of("")).hasMessage("spec.schedule: is required");
        assertThatThrownBy(() -> CronJobSchedule.of("0 3 * *"))
                .isInstanceOf(InvalidCronJobException.class).hasMessageContaining("expected exactly 5 fields");
        assertThatThrownBy(() -> CronJobSchedule.of("TZ=Europe/Berlin 0 3 * * *"))
                .hasMessageContaining("cannot use TZ or CRON_TZ in schedule");
        assertThatThrownBy(() -> CronJobSchedule.of("CRON_TZ=UTC 0 3 * * *").withTimeZone("UTC"))
                .hasMessageContaining("use the timeZone field instead");
        assertThatThrownBy(() -> CronJobSchedule.of("0 3 * * *").withTimeZone("Local"))
                .hasMessageContaining("spec.timeZone: must be an explicit time zone");
        assertThatThrownBy(() -> CronJobSchedule.of("0 3 * * *").withTimeZone("local"))
                .hasMessageContaining("must be an explicit time zone");
        assertThatThrownBy(() -> CronJobSchedule.of("0 3 * * *").withTimeZone(""))
                .hasMessageContaining("spec.timeZone: must be left out or not empty");
        assertThatThrownBy(() -> CronJobSchedule.of("0 3 * * *").withTimeZone("bad timezone"))
                .hasMessageContaining("unknown time zone bad timezone");
        assertThatThrownBy(() -> CronJobSchedule.of("0 3 * * *").withTimeZone("Europe/../Berlin"))
                .hasMessageContaining("unknown time zone");
        assertThatThrownBy(() -> CronJobSchedule.of("0 3 * * *").withTimeZone("America/Argentina_Buenos_Aires_X"))
                .hasMessageContaining("unknown time zone");
        assertThatThrownBy(() -> CronJobSchedule.of("0 3 * * *").withTimeZone("+02:00"))
                .hasMessageContaining("unknown time zone");
        assertThatThrownBy(() -> CronJobSchedule.of("0 3 * * *").withStartingDeadlineSeconds(-1))
                .hasMessageContaining("spec.startingDeadlineSeconds: must be greater than or equal to 0");
        assertThat(CronJobSchedule.of("0 3 * * *").withTimeZone("Etc/GMT+5").zone()).contains(ZoneId.of("Etc/GMT+5"));
        assertThat(CronJobSchedule.of("0 3 * * *").withTimeZone("UTC").cron().spec()).isEqualTo("TZ=UTC 0 3 * * *");
    }
}
