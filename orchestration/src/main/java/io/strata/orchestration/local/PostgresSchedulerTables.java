package io.strata.orchestration.local;

import java.util.List;

/** The scheduler's tables on PostgreSQL: {@code strata.scheduler_state} and {@code strata.scheduler_decisions}. */
final class PostgresSchedulerTables {

    private PostgresSchedulerTables() {}

    static SchedulerTables create() {
        return new SchedulerTables("strata.scheduler_state", "strata.scheduler_decisions",
                "SELECT to_regclass('strata.scheduler_decisions') IS NOT NULL",
                List.of("SELECT pg_advisory_xact_lock(hashtext('strata.scheduler_state'))",
                        "CREATE SCHEMA IF NOT EXISTS strata",
                        """
                        CREATE TABLE IF NOT EXISTS strata.scheduler_state (
                            cronjob            text PRIMARY KEY,
                            creation_time      timestamptz NOT NULL,
                            last_schedule_time timestamptz,
                            active             text NOT NULL DEFAULT '',
                            updated_at         timestamptz NOT NULL
                        )""",
                        """
                        CREATE TABLE IF NOT EXISTS strata.scheduler_decisions (
                            id             bigserial PRIMARY KEY,
                            decided_at     timestamptz NOT NULL,
                            cronjob        text NOT NULL,
                            pipeline       text,
                            decision       text NOT NULL,
                            scheduled_time timestamptz,
                            run_id         text,
                            message        text NOT NULL
                        )""",
                        "COMMENT ON TABLE strata.scheduler_state IS 'The local scheduler''s view of each CronJob, as"
                                + " the CronJob controller keeps it; see docs/pipelines.md'",
                        "COMMENT ON TABLE strata.scheduler_decisions IS 'What the local scheduler decided, and when'"),
                """
                INSERT INTO strata.scheduler_state (cronjob, creation_time, last_schedule_time, active, updated_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (cronjob) DO UPDATE SET creation_time = EXCLUDED.creation_time,
                    last_schedule_time = EXCLUDED.last_schedule_time, active = EXCLUDED.active,
                    updated_at = EXCLUDED.updated_at""");
    }
}
