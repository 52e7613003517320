package io.strata.core.loop;

import io.strata.core.plan.Plan;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * How to apply.
 *
 * @param reviewed a plan read from a plan file, applied exactly as reviewed; null to plan now
 * @param allowUnsafe apply unsafe changes of a fresh plan (a reviewed plan needs no flag)
 * @param lockTimeout how long to wait for another apply to finish
 * @param user who applies, for the journal
 * @param onPlanned shown the plan before anything changes (to print it)
 * @param confirm asked before anything changes; false cancels
 * @param progress one line per step
 */
public record ApplyOptions(
        Plan reviewed,
        boolean allowUnsafe,
        Duration lockTimeout,
        String user,
        Consumer<Plan> onPlanned,
        Predicate<Plan> confirm,
        Consumer<String> progress) {

    public ApplyOptions {
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(onPlanned, "onPlanned");
        Objects.requireNonNull(confirm, "confirm");
        Objects.requireNonNull(progress, "progress");
    }

    public Optional<Plan> reviewedPlan() {
        return Optional.ofNullable(reviewed);
    }
}
