package io.strata.access.testing;

import io.strata.access.AccessLayer;
import io.strata.access.model.AccessCatalog;
import io.strata.access.postgres.PostgresAccessDialect;
import io.strata.access.spec.AccessSpec;
import io.strata.core.layer.ApplyContext;
import io.strata.core.layer.Database;
import io.strata.core.layer.Target;
import io.strata.core.layer.Workspace;
import io.strata.core.plan.Change;
import io.strata.core.plan.LayerPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The access layer against a real database, driven as the loop drives it: declare the files,
 * observe, plan, apply. Spec text may say {@code $p} for the fixture's role prefix.
 */
public final class AccessHarness {

    private final AccessLayer layer;
    private final Path root;
    private final Database database;
    private final String prefix;
    public final List<String> progress = new ArrayList<>();

    public AccessHarness(AccessLayer layer, Path root, Database database, String prefix) {
        this.layer = layer;
        this.root = root;
        this.database = database;
        this.prefix = prefix;
    }

    public static AccessHarness postgres(PgServer server, Path root) {
        return new AccessHarness(new AccessLayer(new PostgresAccessDialect()), root, server.asExecutor(), server.prefix());
    }

    public AccessLayer layer() {
        return layer;
    }

    /** Writes {@code access/<name>} (replacing {@code $p} with the role prefix). */
    public AccessHarness spec(String name, String yaml) {
        try {
            Files.createDirectories(root.resolve("access"));
            Files.writeString(root.resolve("access").resolve(name), yaml.replace("$p", prefix));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public AccessSpec declare() {
        return layer.declare(new Workspace(root, "none"));
    }

    public AccessCatalog observe() {
        return layer.observe(target());
    }

    public LayerPlan plan() {
        return layer.plan(declare(), observe());
    }

    public LayerPlan apply() {
        LayerPlan plan = plan();
        apply(plan);
        return plan;
    }

    public void apply(LayerPlan plan) {
        if (plan.hasChanges()) {
            layer.apply(plan, target(), new ApplyContext("test", "none", progress::add));
        }
    }

    /** The plan's changes as a reviewer reads them: symbol and object. */
    public static List<String> lines(LayerPlan plan) {
        return plan.changes().stream().map(AccessHarness::line).toList();
    }

    public static String line(Change c) {
        return c.action().symbol() + " " + c.object();
    }

    public Target target() {
        return new Target("test", database);
    }

    public String p(String name) {
        return prefix + name;
    }
}
