package io.strata.cli.render;

import io.strata.core.plan.Action;
import io.strata.core.plan.Change;
import io.strata.core.plan.Plan;

/** The counts every plan view ends with. */
record PlanSummary(long create, long alter, long drop, long unsafe) {

    static PlanSummary of(Plan plan) {
        return new PlanSummary(count(plan, Action.CREATE), count(plan, Action.ALTER), count(plan, Action.DROP),
                plan.unsafeChanges().size());
    }

    private static long count(Plan plan, Action action) {
        return plan.changes().stream().map(Change::action).filter(action::equals).count();
    }

    String line() {
        return "Plan: " + create + " to add, " + alter + " to change, " + drop + " to destroy.";
    }
}
