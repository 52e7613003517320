package io.strata.orchestration.manifest;

import io.strata.core.config.SourceLocation;
import java.util.List;
import java.util.Objects;

/**
 * What a {@code k8s/} folder holds for Strata: its CronJobs, and notes on what was left aside
 * (documents of other kinds, which Strata does not schedule but does not refuse either).
 */
public record Manifests(List<CronJobManifest> cronJobs, List<Note> notes) {

    /** Something worth telling that is not an error. */
    public record Note(SourceLocation location, String message) {
        public Note {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String toString() {
            return location.describe() + ": " + message;
        }
    }

    public Manifests {
        cronJobs = List.copyOf(cronJobs);
        notes = List.copyOf(notes);
    }
}
