package io.strata.orchestration.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.strata.core.layer.Database;
import io.strata.storage.testing.MariaDbTestDatabase;
import io.strata.storage.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The scheduler's state and decisions round-trip on PostgreSQL and on MariaDB, times in UTC. */
class SchedulerStoreTest {

    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("2026-01-01T03:00:00Z");

    @Test
    void onPostgres() {
        try (TestDatabase db = TestDatabase.onServer()) {
            roundTrips(db.database());
        }
    }

    @Test
    void onMariaDb() {
        try (MariaDbTestDatabase db = MariaDbTestDatabase.create()) {
            roundTrips(db.database());
        }
    }

    private static void roundTrips(Database database) {
        SchedulerStore store = new SchedulerStore(database);
        assertThat(store.load("nightly")).isEmpty();
        assertThat(store.loadAll()).isEmpty();

        StoredSchedule state = new StoredSchedule("nightly", CREATED, Optional.of(LAST),
                List.of(new StoredSchedule.Active("job-1", LAST, "run-1", 4242)));
        store.save(state, LAST.plusSeconds(1));
        assertThat(store.load("nightly")).contains(state);
        StoredSchedule other = new StoredSchedule("hourly", CREATED, Optional.empty(), List.of());
        store.save(other, LAST.plusSeconds(1));
        assertThat(store.loadAll()).containsOnly(entry("nightly", state), entry("hourly", other));
        StoredSchedule idle = new StoredSchedule("nightly", CREATED, Optional.of(LAST), List.of());
        store.save(idle, LAST.plusSeconds(2));
        assertThat(store.load("nightly")).contains(idle);

        SchedulerDecision run = new SchedulerDecision(LAST.plusMillis(100), "nightly", "customers",
                SchedulerDecision.Kind.RUN, Optional.of(LAST), "run-1", "attempt 1 (schedule)");
        SchedulerDecision stop = new SchedulerDecision(LAST.plusSeconds(5), Scheduler.SELF, null,
                SchedulerDecision.Kind.STOP, Optional.empty(), null, "stopped");
        store.record(run);
        store.record(stop);
        assertThat(store.decisions("nightly")).containsExactly(run);
        assertThat(store.decisions(Scheduler.SELF)).containsExactly(stop);
    }
}
