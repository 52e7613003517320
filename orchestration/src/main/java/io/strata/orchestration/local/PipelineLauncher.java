package io.strata.orchestration.local;

import io.strata.pipeline.run.Environment;
import io.strata.pipeline.run.Pipeline;
import io.strata.pipeline.run.RunStore;
import io.strata.pipeline.run.Trigger;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Starts the pipelines of one platform environment as child JVMs, as {@code strata run} and the
 * local scheduler do: finds the module, builds it if needed, and runs its jar with the variables a
 * CronJob would give it. Logs go under the environment's state folder, {@code .strata/<env>/}:
 * {@code builds/<pipeline>.log} and {@code runs/<pipeline>/<run id>.log}.
 */
public final class PipelineLauncher {

    private final Path root;
    private final Path stateDirectory;
    private final RunDatabase database;
    private final MavenBuild maven;
    private final long logCap;
    private final Map<String, String> settings;

    /**
     * @param root the platform repository
     * @param stateDirectory {@code <root>/.strata/<env>}
     * @param logCap the most bytes of a run's output its log file keeps
     */
    public PipelineLauncher(Path root, Path stateDirectory, RunDatabase database, MavenBuild maven, long logCap) {
        this(root, stateDirectory, database, Map.of(), maven, logCap);
    }

    /**
     * @param settings further variables every run gets from the environment's settings (where its
     *     OpenLineage events go), as the CronJob's {@code env} gives them on a cluster
     */
    public PipelineLauncher(Path root, Path stateDirectory, RunDatabase database, Map<String, String> settings,
            MavenBuild maven, long logCap) {
        this.root = Objects.requireNonNull(root, "root");
        this.settings = Map.copyOf(settings);
        this.stateDirectory = Objects.requireNonNull(stateDirectory, "stateDirectory");
        this.database = Objects.requireNonNull(database, "database");
        this.maven = Objects.requireNonNull(maven, "maven");
        this.logCap = logCap;
    }

    /**
     * The command that runs {@code pipeline}, its jar built first when missing or older than its
     * sources. Its environment has the database and the image; a run adds its id and trigger.
     */
    public JvmCommand prepare(String pipeline, Consumer<String> progress) {
        return prepare(pipeline, EngineSettings.NONE, progress);
    }

    /**
     * The command that runs {@code pipeline} on the engine {@code engine} declares (else the one its
     * module declares): that engine's module or variant, built if needed, with the engine's JVM
     * flags and settings.
     */
    public JvmCommand prepare(String pipeline, EngineSettings engine, Consumer<String> progress) {
        PipelineModule module = PipelineModule.locate(root, pipeline, engine.engine());
        Engine resolved = module.declaredEngine();
        String folder = root.relativize(module.directory()).toString();
        Path log = stateDirectory.resolve("builds").resolve(module.name()
                + (resolved == Engine.PLAIN ? "" : "-" + resolved.value()) + ".log");
        // Looked for once: it opens target/'s jars and walks every source file.
        Optional<Path> upToDate = module.upToDateJar();
        if (upToDate.isEmpty()) {
            progress.accept("building " + folder + " (no jar yet, or its sources changed); log: " + log);
        }
        Path jar = upToDate.orElseGet(() -> maven.jar(module, log));
        if (resolved != Engine.PLAIN) {
            progress.accept("engine " + resolved.value() + " (" + folder + ")");
        }
        return JvmCommand.forJar(jar).withJvmOptions(engine.jvmOptions(resolved)).withEnvironment(settings)
                .withEnvironment(database.variables()).withEnvironment(Map.of(Environment.IMAGE, Pipeline.imageOf(jar)));
    }

    /** Starts {@code command} as a new run of {@code pipeline}, its output also echoed to {@code echo} when not null. */
    public StartedRun start(String pipeline, JvmCommand command, Trigger trigger, Writer echo) {
        PipelineModule module = PipelineModule.locate(root, pipeline);
        String runId = UUID.randomUUID().toString();
        JvmCommand run = command.withEnvironment(Map.of(Environment.TRIGGER, trigger.value(), Environment.RUN_ID, runId));
        ChildRun child = ChildRun.start(run, module.directory(),
                runLog(pipeline, runId), logCap, echo);
        return new StartedRun(pipeline, runId, trigger, run.environment().get(Environment.IMAGE), child);
    }

    /** Where the output of run {@code runId} of {@code pipeline} goes. */
    public Path runLog(String pipeline, String runId) {
        return stateDirectory.resolve("runs").resolve(pipeline).resolve(runId + ".log");
    }

    /** The run records of the platform database. */
    public RunStore runStore() {
        return RunStore.on(database.forRunRecords());
    }

    public Path root() {
        return root;
    }
}
