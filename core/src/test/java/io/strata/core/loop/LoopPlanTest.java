package io.strata.core.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.error.StrataException;
import io.strata.core.journal.ApplyLock;
import io.strata.core.journal.JournalEntry;
import io.strata.core.journal.PlatformStore;
import io.strata.core.layer.ApplyContext;
import io.strata.core.layer.Database;
import io.strata.core.layer.Layer;
import io.strata.core.layer.LayerStatus;
import io.strata.core.layer.Target;
import io.strata.core.layer.Workspace;
import io.strata.core.plan.Action;
import io.strata.core.plan.Change;
import io.strata.core.plan.LayerPlan;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The loop's ordering rules, with layers written for the test (the layers' own tests use real
 * databases): files are reported before the live system, and a layer not in use is never asked.
 */
class LoopPlanTest {

    /** A layer whose declare and observe do what the test says. */
    private record TestLayer(String name, String declareError, String observeError, boolean inUse)
            implements Layer<String, String> {
        @Override
        public String declare(Workspace workspace) {
            if (declareError != null) {
                throw new StrataException(declareError);
            }
            return "desired";
        }

        @Override
        public boolean inUse(String desired) {
            return inUse;
        }

        @Override
        public String observe(Target target) {
            if (observeError != null) {
                throw new StrataException(observeError);
            }
            return "live";
        }

        @Override
        public LayerPlan plan(String desired, String live) {
            return new LayerPlan(name, fingerprint(live), List.of(new Change(name, Action.CREATE, desired + " from " + live,
                    "a change", "", false, false, Map.of())), List.of());
        }

        @Override
        public String fingerprint(String live) {
            return live;
        }

        @Override
        public LayerStatus status(String desired, String live) {
            return new LayerStatus(name, LayerStatus.State.IN_SYNC, live, List.of());
        }

        @Override
        public void apply(LayerPlan plan, Target target, ApplyContext context) {
            throw new AssertionError("planning never applies");
        }
    }

    private static final Database NO_DATABASE = new Database() {
        @Override
        public String dialect() {
            return "postgresql";
        }

        @Override
        public String displayUrl() {
            return "none";
        }

        @Override
        public Connection connect() {
            throw new AssertionError("the test layers never connect");
        }
    };

    private static final PlatformStore NO_STORE = new PlatformStore() {
        @Override
        public ApplyLock lock(Duration timeout) {
            throw new AssertionError("planning takes no lock");
        }

        @Override
        public void record(JournalEntry entry) {
            throw new AssertionError("planning writes no journal");
        }

        @Override
        public List<JournalEntry> recent(int limit) {
            return List.of();
        }
    };

    private static Loop loop(Layer<?, ?>... layers) {
        return new Loop(List.of(layers), new Workspace(Path.of("."), "none"), new Target("dev", NO_DATABASE), NO_STORE,
                "test", Clock.systemUTC());
    }

    @Test
    void aBadFileIsReportedBeforeAnUnreachableDatabase() {
        Loop loop = loop(new TestLayer("storage", null, "the database is down", true),
                new TestLayer("access", "access/team.yaml:3: bad key", null, true));
        assertThatThrownBy(() -> loop.plan(Set.of())).hasMessage("access/team.yaml:3: bad key");
        assertThatThrownBy(() -> loop.observe(Set.of())).hasMessage("access/team.yaml:3: bad key");
    }

    @Test
    void theLiveSystemsErrorWhenTheFilesAreGood() {
        Loop loop = loop(new TestLayer("storage", null, "the database is down", true));
        assertThatThrownBy(() -> loop.plan(Set.of())).isInstanceOf(StrataException.class)
                .hasMessage("the database is down");
    }

    @Test
    void aLayerNotInUseIsNeitherPlannedNorAskedForItsState() {
        Loop loop = loop(new TestLayer("storage", null, null, true), new TestLayer("access", null, "must not matter", false));
        assertThat(loop.plan(Set.of()).layers()).extracting(LayerPlan::layer, l -> l.changes().size())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("storage", 1), org.assertj.core.groups.Tuple.tuple("access", 0));
        assertThat(loop.observe(Set.of())).extracting(LayerStatus::summary)
                .containsExactly("live", "not in use: the platform declares nothing for this layer");
    }

    @Test
    void onlyTheSelectedLayersArePlannedButEveryLayersFilesAreChecked() {
        Loop loop = loop(new TestLayer("storage", null, null, true), new TestLayer("access", "bad spec", "down", true));
        assertThatThrownBy(() -> loop.plan(Set.of("storage"))).hasMessage("bad spec");
        Loop good = loop(new TestLayer("storage", null, null, true), new TestLayer("access", null, "down", true));
        assertThat(good.plan(Set.of("storage")).layers()).extracting(LayerPlan::layer).containsExactly("storage");
        assertThatThrownBy(() -> good.plan(Set.of("nope"))).hasMessage("unknown layer `nope`");
    }
}
