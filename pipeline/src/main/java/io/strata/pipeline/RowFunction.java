package io.strata.pipeline;

import java.io.Serializable;
import java.util.function.Consumer;

/**
 * The body of a {@link Transform}: one row in, zero or more rows out, handed to {@code out}. Zero
 * is a filter, one a map, several a flat map; so one shape covers what {@link Source#filter} and
 * {@link Source#map} do, and an engine needs to call nothing else.
 *
 * <p>Serializable because Spark ships the function to the tasks that run it; a lambda is
 * serializable when its target type is, so this costs a transform's author nothing as long as what
 * the lambda captures (a {@code Year}, a threshold) is serializable too.
 */
@FunctionalInterface
public interface RowFunction extends Serializable {

    /** Hands the rows {@code in} becomes to {@code out}, in order; throws to fail the run. */
    void apply(Row in, Consumer<Row> out);
}
