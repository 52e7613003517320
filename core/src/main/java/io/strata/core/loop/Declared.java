package io.strata.core.loop;

import io.strata.core.layer.Layer;
import io.strata.core.layer.LayerStatus;
import io.strata.core.layer.Target;
import io.strata.core.layer.Workspace;
import io.strata.core.plan.LayerPlan;
import java.util.List;
import java.util.function.Supplier;

/**
 * A layer together with its validated desired state, so the loop never casts.
 *
 * @param observed the live state when it is already being read (see {@link Observation}); null
 *     to read it when asked
 */
record Declared<D, L>(Layer<D, L> layer, D desired, Supplier<L> observed) {

    static <D, L> Declared<D, L> of(Layer<D, L> layer, Workspace workspace) {
        return new Declared<>(layer, layer.declare(workspace), null);
    }

    String name() {
        return layer.name();
    }

    LayerPlan plan(Target target) {
        if (!layer.inUse(desired)) {
            return new LayerPlan(layer.name(), NOT_IN_USE, List.of(), List.of());
        }
        return layer.plan(desired, live(target));
    }

    ObservedLayer observed(Target target) {
        if (!layer.inUse(desired)) {
            return new ObservedLayer(layer.name(), new LayerStatus(layer.name(), LayerStatus.State.IN_SYNC,
                    "not in use: the platform declares nothing for this layer", List.of()), desired, null);
        }
        L live = live(target);
        return new ObservedLayer(layer.name(), layer.status(desired, live), desired, live);
    }

    private L live(Target target) {
        return observed == null ? layer.observe(target) : observed.get();
    }

    /** The fingerprint of a layer that is not in use: there is no live state it planned against. */
    static final String NOT_IN_USE = "not-in-use";
}
