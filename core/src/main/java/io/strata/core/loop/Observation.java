package io.strata.core.loop;

import io.strata.core.layer.Layer;
import io.strata.core.layer.Target;
import io.strata.core.layer.Workspace;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * A layer whose live state is read on another thread while the files of every layer are read and
 * validated: plan and observe wait for the slower of the two instead of their sum. Reading the live
 * system never writes, so starting it before the files are known to be valid changes nothing; a
 * file error is still reported first, and the reading is then dropped.
 */
record Observation<D, L>(Layer<D, L> layer, CompletableFuture<L> live) {

    static <D, L> Observation<D, L> start(Layer<D, L> layer, Target target, Executor executor) {
        return new Observation<>(layer, CompletableFuture.supplyAsync(() -> layer.observe(target), executor));
    }

    Declared<D, L> declare(Workspace workspace) {
        return new Declared<>(layer, layer.declare(workspace), this::join);
    }

    private L join() {
        try {
            return live.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
