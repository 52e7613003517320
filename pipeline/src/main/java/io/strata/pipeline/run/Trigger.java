package io.strata.pipeline.run;

import io.strata.pipeline.PipelineException;
import java.util.Arrays;
import java.util.Locale;

/** Why a run happened, as STRATA_PIPELINE_TRIGGER says: the scheduler sets it; by hand it is manual. */
public enum Trigger {
    SCHEDULE, MANUAL, RETRY;

    /** The value stored in the run record and accepted in the variable. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Trigger parse(String value) {
        for (Trigger t : values()) {
            if (t.value().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw new PipelineException("STRATA_PIPELINE_TRIGGER is '" + value + "'; expected one of "
                + Arrays.stream(values()).map(Trigger::value).toList());
    }
}
