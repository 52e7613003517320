package io.strata.access.audit;

import io.strata.core.journal.JournalEntry;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What git and the journal say about one date: the spec in force in git, when that spec reached
 * the environment, and which spec the database last had applied by then (it differs when a
 * commit was not applied yet).
 *
 * @param inForce the spec of the newest commit at or before the date
 * @param firstApply the first apply of that spec after it was committed, if any
 * @param lastApply the last apply to the environment at or before the date, if any
 * @param lastApplied the spec that apply applied, when its {@code access/} folder differs from {@code inForce}'s
 */
public record Timeline(SpecVersion inForce, Optional<JournalEntry> firstApply, Optional<JournalEntry> lastApply,
        Optional<SpecVersion> lastApplied) {

    /** Reads the journal (any order) against the repository's history. */
    public static Timeline of(SpecVersion inForce, Instant at, List<JournalEntry> journal, String environment,
            SpecHistory history) {
        List<JournalEntry> applies = journal.stream()
                .filter(e -> "apply".equals(e.kind()) && e.outcome() != JournalEntry.Outcome.FAILED)
                .filter(e -> environment.equals(e.environment()) && e.gitCommit() != null && e.finishedAt() != null)
                .sorted(Comparator.comparing(JournalEntry::finishedAt))
                .toList();
        Optional<JournalEntry> first = inForce.accessTree().isEmpty() ? Optional.empty() : applies.stream()
                .filter(e -> !e.finishedAt().isBefore(inForce.committedAt()))
                .filter(e -> inForce.accessTree().equals(history.accessTreeOf(e.gitCommit())))
                .findFirst();
        Optional<JournalEntry> last = applies.stream().filter(e -> !e.finishedAt().isAfter(at))
                .reduce((a, b) -> b);
        Optional<SpecVersion> lastApplied = last
                .filter(e -> !inForce.accessTree().equals(history.accessTreeOf(e.gitCommit())))
                .flatMap(e -> history.at(e.gitCommit()));
        return new Timeline(inForce, first, last, lastApplied);
    }
}
