package io.strata.orchestration.cronjob;

import io.strata.core.error.StrataException;
import java.util.Objects;

/**
 * A CronJob field the Kubernetes API server would refuse on create. {@link #field()} is the
 * manifest path ({@code spec.timeZone}) so that a manifest reader can point at its line.
 */
public final class InvalidCronJobException extends StrataException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String problem;

    InvalidCronJobException(String field, String problem, String hint) {
        super(field + ": " + problem, hint);
        this.field = Objects.requireNonNull(field, "field");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** The field's path in the manifest, e.g. {@code spec.schedule}. */
    public String field() {
        return field;
    }

    /** What is wrong, without the field in front. */
    public String problem() {
        return problem;
    }
}
