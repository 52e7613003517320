package io.strata.core.loop;

import io.strata.core.journal.JournalEntry;
import io.strata.core.plan.Plan;

/** What an apply did: the plan it followed and how it ended (cancelled applies change nothing). */
public record ApplyResult(Plan plan, Status status) {

    public enum Status {
        APPLIED,
        NO_CHANGES,
        CANCELLED;

        JournalEntry.Outcome outcome() {
            return this == NO_CHANGES ? JournalEntry.Outcome.NO_CHANGES : JournalEntry.Outcome.SUCCEEDED;
        }
    }
}
