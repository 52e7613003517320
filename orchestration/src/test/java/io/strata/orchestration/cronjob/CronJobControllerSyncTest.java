package io.strata.orchestration.cronjob;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The cases of Kubernetes' {@code TestControllerV2SyncCronJob} (pkg/controller/cronjob/
 * cronjob_controllerv2_test.go) that are about the decision rather than about API calls: what
 * it creates, deletes, warns about, and how long until it looks again ({@code 100ms} margin
 * included). Their clock: the hour is 2016-05-19T10:00:00Z; "ran previously" means created at
 * 08:59 with a last schedule time of 09:01; never ran means created at 09:59; an active Job was
 * created at 09:01 unless said otherwise.
 *
 * <p>Expected outcome: {@code run}, {@code run!} (run, and warn of more than 100 missed times),
 * {@code replace} (run after stopping the active run), {@code wait}, or a {@link SkipReason}.
 */
class CronJobControllerSyncTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // case                                                 |policy  |susp |schedule |zone            |deadline|created             |last schedule       |active since        |now                 |outcome                 |look again in
        "never ran, not time, A                                 |Allow   |false|0 * * * ?|-               |-       |2016-05-19T09:59:00Z|-                   |-                   |2016-05-19T09:59:00Z|wait                    |PT1M0.1S",
        "never ran, not time, F                                 |Forbid  |false|0 * * * ?|-               |-       |2016-05-19T09:59:00Z|-                   |-                   |2016-05-19T09:59:00Z|wait                    |PT1M0.1S",
        "never ran, not time, R                                 |Replace |false|0 * * * ?|-               |-       |2016-05-19T09:59:00Z|-                   |-                   |2016-05-19T09:59:00Z|wait                    |PT1M0.1S",
        "never ran, not time in zone                            |Allow   |false|0 * * * ?|America/New_York|-       |2016-05-19T09:59:00Z|-                   |-                   |2016-05-19T09:59:00Z|wait                    |PT1M0.1S",
        "never ran, is time, A                                  |Allow   |false|0 * * * ?|-               |-       |2016-05-19T09:59:00Z|-                   |-                   |2016-05-19T10:01:00Z|run                     |PT59M0.1S",
        "never ran, is time, F                                  |Forbid  |false|0 * * * ?|-               |-       |2016-05-19T09:59:00Z|-                   |-                   |2016-05-19T10:01:00Z|run                     |PT59M0.1S",
        "never ran, is time, R                                  |Replace |false|0 * * * ?|-               |-       |2016-05-19T09:59:00Z|-                   |-                   |2016-05-19T10:01:00Z|run                     |PT59M0.1S",
        "never ran, is time in zone                             |Allow   |false|0 * * * ?|America/New_York|-       |2016-05-19T09:59:00Z|-                   |-                   |2016-05-19T10:01:00Z|run                     |PT59M0.1S",
        "never ran, is time, suspended                          |Allow   |true |0 * * * ?|-               |-       |2016-05-19T09:59:00Z|-                   |-                   |2016-05-19T10:01:00Z|SUSPENDED               |-",
        "never ran, is time, past deadline                      |Allow   |false|0 * * * ?|-               |10      |2016-05-19T09:59:00Z|-                   |-                   |2016-05-19T10:12:00Z|MISSED_STARTING_DEADLINE|PT48M0.1S",
        "never ran, is time, not past deadline                  |Allow   |false|0 * * * ?|-               |1000000 |2016-05-19T09:59:00Z|-                   |-                   |2016-05-19T10:01:00Z|run                     |PT59M0.1S",
        "prev ran but done, not time, A                         |Allow   |false|0 * * * ?|-               |-       |2016-05-19T08:59:00Z|2016-05-19T09:01:00Z|-                   |2016-05-19T09:59:00Z|wait                    |PT1M0.1S",
        "prev ran but done, not time, F                         |Forbid  |false|0 * * * ?|-               |-       |2016-05-19T08:59:00Z|2016-05-19T09:01:00Z|-                   |2016-05-19T09:59:00Z|wait                    |PT1M0.1S",
        "prev ran but done, not time, R                         |Replace |false|0 * * * ?|-               |-       |2016-05-19T08:59:00Z|2016-05-19T09:01:00Z|-                   |2016-05-19T09:59:00Z|wait                    |PT1M0.1S",
        "prev ran but done, is time, A                          |Allow   |false|0 * * * ?|-               |-       |2016-05-19T08:59:00Z|2016-05-19T09:01:00Z|-                   |2016-05-19T10:01:00Z|run                     |PT59M0.1S",
        "prev ran but done, is time, F                          |Forbid  |false|0 * * * ?|-               |-       |2016-05-19T08:59:00Z|2016-05-19T09:01:00Z|-                   |2016-05-19T10:01:00Z|run                     |PT59M0.1S",
        "prev ran but done, is time, R                          |Replace |false|0 * * * ?|-               |-       |2016-05-19T08:59:00Z|2016-05-19T09:01:00Z|-                   |2016-05-19T10:01:00Z|run                     |PT59M0.1S",
        "prev ran but done, is time, suspended                  |Allow   |true |0 * * * ?|-               |-       |2016-05-19T08:59:00Z|2016-05-19T09:01:00Z|-                   |2016-05-19T10:01:00Z|SUSPENDED               |-",
        "prev ran but done, is time, past deadline              |Allow   |false|0 * * * ?|-               |10      |2016-05-19T08:59:00Z|2016-05-19T09:01:00Z|-                   |2016-05-19T10:01:00Z|MISSED_STARTING_DEADLINE|PT59M0.1S",
        "prev ran but done, is time, not past deadline          |Allow   |false|0 * * * ?|-               |1000000 |2016-05-19T08:59:00Z|2016-05-19T09:01:00Z|-                   |2016-05-19T10:01:00Z|run                     |PT59M0.1S",
        "still active, not time, A                              |Allow   |false|0 * * * ?|-               |-       |2016-05-19T08:59:00Z|2016-05-19T09:01:00Z|2016-05-19T09:01:00Z|2016-05-19T09:59:00Z|wait                    |PT1M0.1S",
        "still active, not time, F                              |Forbid  |false|0 * * * ?|-               |-       |2016-05-19T08:59:00Z|2016-05-19T09:01:00Z|2016-05-19T09:01:00Z|2016-05-19T09:59:00Z|wait                    |PT1M0.1S",
        "still active, not time, R                              |Replace |false|0 * * * ?|-               |-       |2016-05-19T08:59:00Z|2016-05-19T09:01:00Z|2016-05-19T09:01:00Z|2016-05-19T09:59:00Z|wait                    |PT1M0.1S",
        "still active, is time, A                               |Allow   |false|0 * * * ?|-               |-       |2016-05-19T08:59:00Z|2016-05-19T09:01:00Z|2016-05-19T09:01:00Z|2016-05-19T10:01:00Z|run                     |PT59M0.1S",
        "still active, is time, F                               |Forbid  |false|0 * * * ?|-               |-       |2016-05-19T08:59:00Z|2016-05-19T09:01:00Z|2016-05-19T09:01:00Z|2016-05-19T10:01:00Z|FORBID_CONCURRENT       |PT59M0.1S",
        "still active, is time, R                               |Replace |false|0 * * * ?|-               |-       |2016-05-19T08:59:00Z|2016-05-19T09:01:00Z|2016-05-19T09:01:00Z|2016-05-19T10:01:00Z|replace                 |PT59M0.1S",
        "still active, is time, suspended                       |Allow   |true |0 * * * ?|-               |-       |2016-05-19T08:59:00Z|2016-05-19T09:01:00Z|2016-05-19T09:01:00Z|2016-05-19T10:01:00Z|SUSPENDED               |-",
        "still active, is time, past deadline                   |Allow   |false|0 * * * ?|-               |10      |2016-05-19T08:59:00Z|2016-05-19T09:01:00Z|2016-05-19T09:01:00Z|2016-05-19T10:01:00Z|MISSED_STARTING_DEADLINE|PT59M0.1S",
        "still active, is time, not past deadline               |Allow   |false|0 * * * ?|-               |1000000 |2016-05-19T08:59:00Z|2016-05-19T09:01:00Z|2016-05-19T09:01:00Z|2016-05-19T10:01:00Z|run                     |PT59M0.1S",
        "prev ran but done, long overdue, not past deadline, A  |Allow   |false|0 * * * ?|-               |1000000 |2016-05-19T08:59:00Z|2016-05-19T09:01:00Z|-                   |2016-05-26T10:00:00Z|run!                    |PT1H0.1S",
        "prev ran but done, long overdue, not past deadline, R  |Replace |false|0 * * * ?|-               |1000000 |2016-05-19T08:59:00Z|2016-05-19T09:01:00Z|-                   |2016-05-26T10:00:00Z|run!                    |PT1H0.1S",
        "prev ran but done, long overdue, not past deadline, F  |Forbid  |false|0 * * * ?|-               |1000000 |2016-05-19T08:59:00Z|2016-05-19T09:01:00Z|-                   |2016-05-26T10:00:00Z|run!                    |PT1H0.1S",
        "prev ran but done, long overdue, no deadline, A        |Allow   |false|0 * * * ?|-               |-       |2016-05-19T08:59:00Z|2016-05-19T09:01:00Z|-                   |2016-05-26T10:00:00Z|run!                    |PT1H0.1S",
        "prev ran but done, long overdue, no deadline, R        |Replace |false|0 * * * ?|-               |-       |2016-05-19T08:59:00Z|2016-05-19T09:01:00Z|-                   |2016-05-26T10:00:00Z|run!                    |PT1H0.1S",
        "prev ran but done, long overdue, no deadline, F        |Forbid  |false|0 * * * ?|-               |-       |2016-05-19T08:59:00Z|2016-05-19T09:01:00Z|-                   |2016-05-26T10:00:00Z|run!                    |PT1H0.1S",
        "prev ran but done, long overdue, past medium deadline  |Allow   |false|0 * * * ?|-               |7200    |2016-05-19T08:59:00Z|2016-05-19T09:01:00Z|-                   |2016-05-26T10:00:00Z|run                     |PT1H0.1S",
        "prev ran but done, long overdue, past short deadline   |Forbid  |false|0 * * * ?|-               |10      |2016-05-19T08:59:00Z|2016-05-19T09:01:00Z|-                   |2016-05-26T10:00:00Z|run                     |PT1H0.1S",
        "with @every schedule, never ran, not time              |Allow   |false|@every 1h|-               |-       |2016-05-19T09:59:00Z|-                   |-                   |2016-05-19T10:00:00Z|wait                    |PT59M0.1S",
        "with @every schedule, never ran, is time               |Allow   |false|@every 1h|-               |-       |2016-05-19T08:59:00Z|-                   |-                   |2016-05-19T09:59:00Z|run                     |PT1H0.1S",
        "with @every schedule, never ran, is time, past deadline|Allow   |false|@every 1h|-               |10      |2016-05-19T08:59:00Z|-                   |-                   |2016-05-19T09:59:11Z|MISSED_STARTING_DEADLINE|PT59M49.1S",
        "with @every schedule, never ran, not past deadline     |Allow   |false|@every 1h|-               |1000000 |2016-05-19T08:59:00Z|-                   |-                   |2016-05-19T09:59:09Z|run                     |PT59M51.1S",
        "with @every schedule, prev ran but done, not time      |Allow   |false|@every 1h|-               |-       |2016-05-19T08:59:00Z|2016-05-19T09:59:00Z|-                   |2016-05-19T10:00:00Z|wait                    |PT59M0.1S",
        "with @every schedule, prev ran but done, is time       |Allow   |false|@every 1h|-               |-       |2016-05-19T08:59:00Z|2016-05-19T09:59:00Z|-                   |2016-05-19T11:00:00Z|run                     |PT59M0.1S",
        "with @every schedule, prev ran, is time, past deadline |Allow   |false|@every 1h|-               |10      |2016-05-19T08:59:00Z|2016-05-19T09:59:00Z|-                   |2016-05-19T10:59:11Z|MISSED_STARTING_DEADLINE|PT59M49.1S",
        "with @every schedule, still active, not time           |Allow   |false|@every 1h|-               |-       |2016-05-19T08:59:00Z|2016-05-19T09:59:00Z|2016-05-19T09:59:00Z|2016-05-19T10:00:00Z|wait                    |PT59M0.1S",
        "with @every schedule, still active, is time            |Allow   |false|@every 1h|-               |-       |2016-05-19T08:59:00Z|2016-05-19T08:59:00Z|2016-05-19T08:59:00Z|2016-05-19T10:01:00Z|run                     |PT58M0.1S",
        "with @every schedule, still active, past deadline      |Allow   |false|@every 1h|-               |10      |2016-05-19T08:59:00Z|2016-05-19T09:59:00Z|2016-05-19T09:59:00Z|2016-05-19T10:59:11Z|MISSED_STARTING_DEADLINE|PT59M49.1S",
        "with @every schedule, still active, not past deadline  |Allow   |false|@every 1h|-               |1000000 |2016-05-19T08:59:00Z|2016-05-19T09:59:00Z|2016-05-19T09:59:00Z|2016-05-19T10:59:09Z|run                     |PT59M51.1S",
        "with @every schedule, long overdue, no deadline        |Allow   |false|@every 1h|-               |-       |2016-05-19T09:01:00Z|2016-05-19T10:01:00Z|-                   |2016-05-26T10:00:00Z|run!                    |PT1M0.1S",
        "with @every schedule, long overdue, past deadline      |Allow   |false|@every 1h|-               |10      |2016-05-19T09:01:00Z|2016-05-19T10:01:00Z|-                   |2016-05-26T10:01:11Z|MISSED_STARTING_DEADLINE|PT59M49.1S",
    })
    void decidesAsTheController(String name, String policy, boolean suspend, String schedule, String zone,
            Long deadline, Instant created, Instant lastSchedule, Instant activeSince, Instant now, String outcome,
            Duration lookAgainIn) {
        CronJobSchedule spec = CronJobSchedule.of(schedule)
                .withConcurrencyPolicy(ConcurrencyPolicy.fromManifest(policy).orElseThrow())
                .withSuspend(suspend);
        if (zone != null) {
            spec = spec.withTimeZone(zone);
        }
        if (deadline != null) {
            spec = spec.withStartingDeadlineSeconds(deadline);
        }
        ScheduleState state = new ScheduleState(created, Optional.ofNullable(lastSchedule),
                activeSince == null ? List.of() : List.of(new ActiveRun("mycronjob-active", activeSince)));

        Decision decision = CronJobController.decide(spec, state, now, ZoneOffset.UTC);

        switch (outcome) {
            case "run", "run!", "replace" -> {
                assertThat(decision).isInstanceOf(Decision.Run.class);
                Decision.Run run = (Decision.Run) decision;
                assertThat(run.tooManyMissed()).isEqualTo(outcome.equals("run!"));
                assertThat(run.stopFirst()).isEqualTo(outcome.equals("replace") ? state.active() : List.of());
                assertThat(run.scheduledTime()).isBeforeOrEqualTo(now);
            }
            case "wait" -> assertThat(decision).isInstanceOf(Decision.Wait.class);
            default -> {
                assertThat(decision).isInstanceOf(Decision.Skip.class);
                assertThat(((Decision.Skip) decision).reason()).isEqualTo(SkipReason.valueOf(outcome));
            }
        }
        assertThat(decision.wakeAt().map(t -> Duration.between(now, t))).isEqualTo(Optional.ofNullable(lookAgainIn));
    }
}
