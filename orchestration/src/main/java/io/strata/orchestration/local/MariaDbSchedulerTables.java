package io.strata.orchestration.local;

import java.util.List;

/**
 * The scheduler's tables on MariaDB/MySQL, in the connection's database:
 * {@code strata_scheduler_state} and {@code strata_scheduler_decisions}, times in UTC.
 */
final class MariaDbSchedulerTables {

    private MariaDbSchedulerTables() {}

    static SchedulerTables create() {
        return new SchedulerTables("strata_scheduler_state", "strata_scheduler_decisions",
                "SELECT COUNT(*) = 2 FROM information_schema.tables WHERE table_schema = DATABASE()"
                        + " AND table_name IN ('strata_scheduler_state', 'strata_scheduler_decisions')",
                List.of("""
                        CREATE TABLE IF NOT EXISTS strata_scheduler_state (
                            cronjob            VARCHAR(253) NOT NULL PRIMARY KEY,
                            creation_time      DATETIME(6) NOT NULL,
                            last_schedule_time DATETIME(6),
                            active             TEXT NOT NULL,
                            updated_at         DATETIME(6) NOT NULL
                        ) CHARACTER SET utf8mb4 COMMENT 'The local scheduler''s view of each CronJob'""",
                        """
                        CREATE TABLE IF NOT EXISTS strata_scheduler_decisions (
                            id             BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
                            decided_at     DATETIME(6) NOT NULL,
                            cronjob        VARCHAR(253) NOT NULL,
                            pipeline       VARCHAR(255),
                            decision       VARCHAR(16) NOT NULL,
                            scheduled_time DATETIME(6),
                            run_id         VARCHAR(64),
                            message        TEXT NOT NULL
                        ) CHARACTER SET utf8mb4 COMMENT 'What the local scheduler decided, and when'"""),
                """
                INSERT INTO strata_scheduler_state (cronjob, creation_time, last_schedule_time, active, updated_at)
                VALUES (?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE creation_time = VALUES(creation_time),
                    last_schedule_time = VALUES(last_schedule_time), active = VALUES(active),
                    updated_at = VALUES(updated_at)""");
    }
}
