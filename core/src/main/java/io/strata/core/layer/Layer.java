package io.strata.core.layer;

import io.strata.core.plan.LayerPlan;

/**
 * The contract every layer implements: declare, observe, plan, apply. The core orders layers and
 * runs the loop; a layer never imports another layer.
 *
 * <p>Errors are {@link io.strata.core.error.StrataException}s naming the file and line or the live
 * object. Only {@link #apply} writes.
 *
 * @param <D> the desired state, loaded from the platform repository's files
 * @param <L> the live state, read from the environment
 */
public interface Layer<D, L> {

    /** Short lower-case name: {@code storage}, {@code access}, ... */
    String name();

    /** Loads and validates this layer's files. Never touches the live system. */
    D declare(Workspace workspace);

    /**
     * Whether the platform uses this layer at all (e.g. it has an {@code access/} folder). A layer
     * not in use is neither observed nor planned: reading a live system nobody declared is wasted.
     */
    default boolean inUse(D desired) {
        return true;
    }

    /** Reads the live state in a few bulk queries. Never writes, not even bookkeeping tables. */
    L observe(Target target);

    /**
     * Compares desired and live. Pure. The returned plan carries {@link #fingerprint} of the live
     * state so a saved plan can be refused when the live system moved.
     */
    LayerPlan plan(D desired, L live);

    /** A stable digest of the live state this layer plans against. */
    String fingerprint(L live);

    /** In sync, pending or drift, with details, for {@code strata observe}. */
    LayerStatus status(D desired, L live);

    /**
     * Applies exactly the plan's changes, in order. Called only while the environment's apply
     * lock is held and after every layer's files were declared valid.
     */
    void apply(LayerPlan plan, Target target, ApplyContext context);
}
