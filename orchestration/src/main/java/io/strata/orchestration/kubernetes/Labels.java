package io.strata.orchestration.kubernetes;

/**
 * The labels and annotations Strata puts on the CronJobs it manages. The labels select: prune
 * considers only objects labelled managed-by strata, so objects made by other tools are never
 * deleted. The annotations remember what Strata itself did, the way kubectl's
 * last-applied-configuration does, so that a hand edit can be told from a change in Git.
 */
public final class Labels {

    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String STRATA = "strata";
    public static final String PIPELINE = "strata.io/pipeline";
    /** The object exactly as Strata last wrote it (apply or rollback), compact JSON. */
    public static final String APPLIED = "strata.io/applied";
    /** The pipeline image before the last image change: what {@code strata rollback} goes back to. */
    public static final String PREVIOUS_IMAGE = "strata.io/previous-image";
    /** The pipeline's own image, among the pod's containers. */
    public static final String IMAGE = "strata.io/image";
    /** Which sink mode the pipeline writes with ({@code replace}, {@code append}, {@code merge}), for lint CJ106. */
    public static final String SINK = "strata.io/sink";

    private Labels() {}
}
