package io.strata.cli;

import io.strata.access.AccessDialects;
import io.strata.access.AccessLayer;
import io.strata.cli.env.SelectedEnvironment;
import io.strata.core.config.EnvironmentPolicy;
import io.strata.core.config.ProductionRules;
import io.strata.core.config.DatabaseSettings;
import io.strata.core.config.ProjectConfig;
import io.strata.core.config.ResolvedEnvironment;
import io.strata.core.error.StrataException;
import io.strata.core.git.GitInfo;
import io.strata.core.journal.PlatformStore;
import io.strata.core.layer.Database;
import io.strata.core.layer.JdbcDatabase;
import io.strata.core.layer.Layer;
import io.strata.core.layer.Target;
import io.strata.core.layer.Workspace;
import io.strata.core.loop.Loop;
import io.strata.orchestration.layer.OrchestrationLayer;
import io.strata.orchestration.local.MavenBuild;
import io.strata.orchestration.local.PipelineLauncher;
import io.strata.orchestration.local.RunDatabase;
import io.strata.storage.StorageLayer;
import io.strata.storage.embedded.EmbeddedInstance;
import io.strata.storage.embedded.EmbeddedPostgres;
import io.strata.storage.mysql.MySqlDialect;
import io.strata.storage.mysql.MySqlPlatformStore;
import io.strata.storage.mysql.MySqlUrls;
import io.strata.storage.postgres.PostgresDialect;
import io.strata.storage.postgres.PostgresPlatformStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Wires one environment of one platform repository: its configuration, its database (starting
 * the embedded one when that is the default), the layers for its dialect, and the loop.
 */
public final class Platform {

    private final Workspace workspace;
    private final ResolvedEnvironment environment;
    private final Database database;
    private final EmbeddedInstance embedded;
    private final StorageLayer storage;
    private final AccessLayer access;
    private final Layer<?, ?> orchestration;
    private final Cluster cluster;
    private final PlatformStore store;
    private final RunDatabase runDatabase;
    private final String user;
    private final EnvironmentPolicy policy;
    private final Supplier<Map<String, String>> pipelineEnvironment;

    private Platform(Workspace workspace, SelectedEnvironment selected, Database database,
            RunDatabase runDatabase, EmbeddedInstance embedded, String user, Cluster cluster,
            Supplier<Map<String, String>> pipelineEnvironment) {
        this.workspace = workspace;
        this.pipelineEnvironment = pipelineEnvironment;
        this.environment = selected.environment();
        this.policy = selected.policy();
        this.database = database;
        this.runDatabase = runDatabase;
        this.embedded = embedded;
        this.user = user;
        String holder = user + " pid " + ProcessHandle.current().pid();
        switch (database.dialect()) {
            case "postgresql" -> {
                this.storage = new StorageLayer(new PostgresDialect());
                this.store = new PostgresPlatformStore(database, holder);
            }
            case "mysql" -> {
                this.storage = new StorageLayer(new MySqlDialect());
                this.store = new MySqlPlatformStore(database, holder);
            }
            default -> throw new StrataException("environment `" + environment.name() + "` uses "
                    + database.displayUrl() + ": an unsupported database",
                    "use a jdbc:postgresql:, jdbc:mysql: or jdbc:mariadb: URL");
        }
        this.access = new AccessLayer(AccessDialects.of(database.dialect()));
        this.cluster = cluster;
        // The machine's zone: the local scheduler reads a schedule without timeZone in it.
        this.orchestration = cluster != null ? cluster.layer()
                : new OrchestrationLayer(database.dialect(), Clock.systemDefaultZone(), policy.suspendSchedules());
    }

    /** Loads the platform at {@code root} for {@code environmentName}, starting its embedded database if it uses one. */
    public static Platform open(Path root, String environmentName, Map<String, String> env, String user) {
        ProjectConfig config = ProjectConfig.load(root);
        SelectedEnvironment selected = SelectedEnvironment.select(config, root, environmentName, env::get);
        // An ephemeral environment has its source's settings: the source must meet the rules.
        ProductionRules.check(config, selected.declared());
        ResolvedEnvironment environment = selected.environment();
        Workspace workspace = new Workspace(root, GitInfo.headCommit(root));
        // Resolved when a pipeline is started, not before: plan, apply and observe never need the
        // pipelines' variables and lineage settings (an ephemeral environment has its source's).
        Supplier<Map<String, String>> pipelineEnvironment =
                () -> config.resolve(selected.declared(), env::get).pipelineEnvironment();
        // An ephemeral environment is a copy of its source's database: its schedules go to its own
        // registry (suspended), never to the source's cluster and namespace.
        Cluster cluster = selected.ephemeralFile().isPresent() ? null
                : Cluster.open(root, config, environmentName, env, selected.policy().suspendSchedules()).orElse(null);
        if (environment.database() instanceof DatabaseSettings.Jdbc jdbc) {
            Database db = new JdbcDatabase(MySqlUrls.forDriver(jdbc.url()), jdbc.redactedUrl(), jdbc.user(),
                    jdbc.password() == null ? null : jdbc.password()::reveal);
            RunDatabase run = new RunDatabase(jdbc.url(), jdbc.redactedUrl(), jdbc.user(), jdbc.password());
            return new Platform(workspace, selected, db, run, null, user, cluster, pipelineEnvironment);
        }
        EmbeddedInstance instance = EmbeddedPostgres.ensureRunning(selected.embeddedStateDir(), selected.embeddedDatabase());
        Database db = new JdbcDatabase(instance.jdbcUrl(), instance.jdbcUrl(), instance.user(), null);
        RunDatabase run = new RunDatabase(instance.jdbcUrl(), instance.jdbcUrl(), instance.user(), null);
        return new Platform(workspace, selected, db, run, instance, user, cluster, pipelineEnvironment);
    }

    public static Path embeddedStateDir(Path root, String environmentName) {
        return root.resolve(".strata").resolve(environmentName);
    }

    public Loop loop(String strataVersion) {
        List<Layer<?, ?>> layers = List.of(storage, access, orchestration);
        return new Loop(layers, workspace, target(), store, strataVersion, Clock.systemUTC());
    }

    public Target target() {
        return new Target(environment.name(), database);
    }

    public Workspace workspace() {
        return workspace;
    }

    public StorageLayer storage() {
        return storage;
    }

    public AccessLayer access() {
        return access;
    }

    public PlatformStore store() {
        return store;
    }

    public ResolvedEnvironment environment() {
        return environment;
    }

    /** The policy in force: the environment's own, or an ephemeral environment's. */
    public EnvironmentPolicy policy() {
        return policy;
    }

    public Duration lockTimeout() {
        return environment.lockTimeout();
    }

    public String user() {
        return user;
    }

    public Database database() {
        return database;
    }

    /**
     * Starts this environment's pipelines as child JVMs, building them with {@code maven} when
     * needed; their logs go under {@code .strata/<env>/}.
     */
    public PipelineLauncher launcher(MavenBuild maven, long logCap) {
        return new PipelineLauncher(workspace.root(), embeddedStateDir(workspace.root(), environment.name()),
                runDatabase, pipelineEnvironment.get(), maven, logCap);
    }

    /** The environment's Kubernetes cluster, when its scheduler is one. */
    public Optional<Cluster> cluster() {
        return Optional.ofNullable(cluster);
    }

    /** The embedded server behind this environment, when it uses the embedded default. */
    public Optional<EmbeddedInstance> embedded() {
        return Optional.ofNullable(embedded);
    }
}
