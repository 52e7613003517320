package io.strata.core.loop;

import io.strata.core.layer.Layer;
import io.strata.core.layer.LayerStatus;
import io.strata.core.layer.Target;
import io.strata.core.layer.Workspace;
import io.strata.core.plan.LayerPlan;

/** A layer together with its validated desired state, so the loop never casts. */
record Declared<D, L>(Layer<D, L> layer, D desired) {

    static <D, L> Declared<D, L> of(Layer<D, L> layer, Workspace workspace) {
        return new Declared<>(layer, layer.declare(workspace));
    }

    String name() {
        return layer.name();
    }

    LayerPlan plan(Target target) {
        return layer.plan(desired, layer.observe(target));
    }

    LayerStatus status(Target target) {
        return layer.status(desired, layer.observe(target));
    }
}
