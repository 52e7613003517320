package io.strata.core.loop;

import io.strata.core.error.StrataException;
import io.strata.core.journal.ApplyLock;
import io.strata.core.journal.JournalEntry;
import io.strata.core.journal.PlatformStore;
import io.strata.core.layer.ApplyContext;
import io.strata.core.layer.Layer;
import io.strata.core.layer.LayerStatus;
import io.strata.core.layer.Target;
import io.strata.core.layer.Workspace;
import io.strata.core.plan.LayerPlan;
import io.strata.core.plan.Plan;
import io.strata.core.plan.PlanFile;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * declare → observe → plan → apply over the layers of one environment, in their apply order.
 * Every layer's files are declared (validated) before anything is observed or changed, so a bad
 * file anywhere applies nothing.
 */
public final class Loop {

    private final List<Layer<?, ?>> layers;
    private final Workspace workspace;
    private final Target target;
    private final PlatformStore store;
    private final String strataVersion;
    private final Clock clock;

    public Loop(List<Layer<?, ?>> layers, Workspace workspace, Target target, PlatformStore store,
            String strataVersion, Clock clock) {
        this.layers = List.copyOf(layers);
        this.workspace = Objects.requireNonNull(workspace);
        this.target = Objects.requireNonNull(target);
        this.store = Objects.requireNonNull(store);
        this.strataVersion = Objects.requireNonNull(strataVersion);
        this.clock = Objects.requireNonNull(clock);
    }

    public List<String> layerNames() {
        return layers.stream().map(Layer::name).toList();
    }

    /** Plans the selected layers (all when {@code only} is empty). Writes nothing. */
    public Plan plan(Set<String> only) {
        ExecutorService readers = readers();
        try {
            return plan(declareAllWhileObserving(only, readers), only);
        } finally {
            readers.shutdownNow();
        }
    }

    /** Per-layer state of the selected layers. Writes nothing. */
    public List<LayerStatus> observe(Set<String> only) {
        return observeLayers(only).stream().map(ObservedLayer::status).toList();
    }

    /** Per-layer state of the selected layers with the desired and live states behind it. Writes nothing. */
    public List<ObservedLayer> observeLayers(Set<String> only) {
        ExecutorService readers = readers();
        try {
            return select(declareAllWhileObserving(only, readers), only).stream().map(d -> d.observed(target)).toList();
        } finally {
            readers.shutdownNow();
        }
    }

    /** The latest journal entries, newest first. */
    public List<JournalEntry> journal(int limit) {
        return store.recent(limit);
    }

    public ApplyResult apply(ApplyOptions options) {
        List<Declared<?, ?>> declared = declareAll();
        Set<String> only = options.reviewedPlan()
                .map(p -> p.layers().stream().map(LayerPlan::layer).collect(Collectors.toSet()))
                .orElse(Set.of());
        options.reviewedPlan().ifPresent(this::checkMadeHere);
        options.progress().accept("Acquiring the apply lock of environment " + target.environment() + "...");
        try (ApplyLock lock = store.lock(options.lockTimeout())) {
            Plan plan = plan(declared, only);
            options.reviewedPlan().ifPresent(reviewed -> checkNotStale(reviewed, plan));
            options.onPlanned().accept(plan);
            Instant started = clock.instant();
            if (!plan.hasChanges()) {
                journal(plan, started, ApplyResult.Status.NO_CHANGES, options, null);
                return new ApplyResult(plan, ApplyResult.Status.NO_CHANGES);
            }
            if (options.reviewed() == null && !options.allowUnsafe() && !plan.unsafeChanges().isEmpty()) {
                throw new StrataException(
                        "the plan has " + plan.unsafeChanges().size() + " unsafe change(s); nothing was applied:\n"
                                + plan.unsafeChanges().stream()
                                        .map(c -> "  " + c.action().symbol() + " " + c.object() + ": " + c.summary())
                                        .collect(Collectors.joining("\n")),
                        "review them, then pass --allow-unsafe, or apply a reviewed plan file "
                                + "(strata plan --out plan.json; strata apply plan.json)");
            }
            if (!options.confirm().test(plan)) {
                return new ApplyResult(plan, ApplyResult.Status.CANCELLED);
            }
            ApplyContext context = new ApplyContext(options.user(), workspace.gitCommit(), options.progress());
            try {
                for (LayerPlan layerPlan : plan.layers()) {
                    if (layerPlan.hasChanges()) {
                        layer(layerPlan.layer()).apply(layerPlan, target, context);
                    }
                }
            } catch (RuntimeException e) {
                String message = e instanceof StrataException s ? s.getMessage() : String.valueOf(e.getMessage());
                journal(plan, started, null, options, message);
                throw e;
            }
            journal(plan, started, ApplyResult.Status.APPLIED, options, null);
            return new ApplyResult(plan, ApplyResult.Status.APPLIED);
        }
    }

    private Plan plan(List<Declared<?, ?>> declared, Set<String> only) {
        List<LayerPlan> plans = select(declared, only).stream().map(d -> d.plan(target)).toList();
        return new Plan(PlanFile.FORMAT_VERSION, strataVersion, target.environment(), workspace.gitCommit(),
                clock.instant().toString(), plans);
    }

    /** Declares every layer while the selected ones' live state is read on other threads. */
    private List<Declared<?, ?>> declareAllWhileObserving(Set<String> only, ExecutorService readers) {
        only.forEach(this::layer);
        List<Observation<?, ?>> observations = layers.stream()
                .filter(l -> only.isEmpty() || only.contains(l.name()))
                .<Observation<?, ?>>map(l -> Observation.start(l, target, readers))
                .toList();
        List<Declared<?, ?>> declared = new ArrayList<>();
        for (Layer<?, ?> layer : layers) {
            Observation<?, ?> observation = observations.stream().filter(o -> o.layer() == layer).findFirst().orElse(null);
            declared.add(observation == null ? Declared.of(layer, workspace) : observation.declare(workspace));
        }
        return declared;
    }

    private ExecutorService readers() {
        return Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "strata-observe");
            thread.setDaemon(true);
            return thread;
        });
    }

    private List<Declared<?, ?>> declareAll() {
        List<Declared<?, ?>> declared = new ArrayList<>();
        for (Layer<?, ?> layer : layers) {
            declared.add(Declared.of(layer, workspace));
        }
        return declared;
    }

    private List<Declared<?, ?>> select(List<Declared<?, ?>> declared, Set<String> only) {
        for (String name : only) {
            layer(name);
        }
        return declared.stream().filter(d -> only.isEmpty() || only.contains(d.name())).toList();
    }

    private Layer<?, ?> layer(String name) {
        return layers.stream()
                .filter(l -> l.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new StrataException(
                        "unknown layer `" + name + "`", "known layers: " + String.join(", ", layerNames())));
    }

    private void checkMadeHere(Plan reviewed) {
        if (!reviewed.environment().equals(target.environment())) {
            throw new StrataException(
                    "the plan file was made for environment `" + reviewed.environment() + "`, not `"
                            + target.environment() + "`; nothing was applied",
                    "apply it with --env " + reviewed.environment() + ", or re-run plan for this environment");
        }
    }

    private static void checkNotStale(Plan reviewed, Plan now) {
        for (LayerPlan before : reviewed.layers()) {
            LayerPlan after = now.layer(before.layer()).orElseThrow();
            if (!before.fingerprint().equals(after.fingerprint())) {
                throw stale("the live state of layer " + before.layer() + " changed since the plan was made");
            }
            if (!before.changes().equals(after.changes())) {
                throw stale("the files of layer " + before.layer()
                        + " changed since the plan was made, so it would now do something else");
            }
        }
    }

    private static StrataException stale(String why) {
        return new StrataException("stale plan: " + why + "; nothing was applied",
                "re-run `strata plan --out FILE`, review it, and apply the new file");
    }

    private void journal(Plan plan, Instant started, ApplyResult.Status status, ApplyOptions options, String error) {
        List<String> lines = plan.changes().stream()
                .map(c -> c.action().symbol() + " " + c.layer() + " " + c.object())
                .toList();
        store.record(new JournalEntry("apply", target.environment(), started, clock.instant(), options.user(),
                workspace.gitCommit(), plan.hash(), lines,
                status == null ? JournalEntry.Outcome.FAILED : status.outcome(), error));
    }
}
