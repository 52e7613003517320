package io.strata.orchestration.registry;

import java.util.Objects;

/**
 * One write to the schedule registry. Updates and deletes name the hash the row had when the plan
 * was made, so a row that moved since is refused rather than overwritten.
 */
public sealed interface RegistryWrite {

    String name();

    /** A CronJob applied for the first time. */
    record Insert(RegisteredCronJob row) implements RegistryWrite {
        public Insert {
            Objects.requireNonNull(row, "row");
        }

        @Override
        public String name() {
            return row.name();
        }
    }

    /** Every column but {@code created_at}, which keeps the CronJob's first apply. */
    record Update(RegisteredCronJob row, String expectedHash) implements RegistryWrite {
        public Update {
            Objects.requireNonNull(row, "row");
            Objects.requireNonNull(expectedHash, "expectedHash");
        }

        @Override
        public String name() {
            return row.name();
        }
    }

    /** A CronJob that left {@code k8s/}. */
    record Delete(String name, String expectedHash) implements RegistryWrite {
        public Delete {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(expectedHash, "expectedHash");
        }
    }
}
