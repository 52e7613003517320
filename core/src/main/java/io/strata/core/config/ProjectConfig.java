package io.strata.core.config;

import io.strata.core.error.StrataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A platform's {@code strata.yaml}, loaded and checked but with references unresolved: loading
 * succeeds even when staging's variables are unset, and {@link #resolve} then fails only for the
 * environment that needs them.
 *
 * @param file the file it was read from, as the caller named it
 * @param name the platform name
 * @param environments by name, in declaration order; an implicit {@code dev} comes first when the
 *     file does not declare one
 * @param observe {@code observe.serve}: where {@code strata observe --serve} listens, and its token
 */
public record ProjectConfig(Path file, String name, Map<String, EnvironmentConfig> environments, ObserveConfig observe) {

    public static final String FILE_NAME = "strata.yaml";

    public ProjectConfig {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        // Map.copyOf would lose the declaration order that listings and error messages rely on.
        environments = Collections.unmodifiableMap(new LinkedHashMap<>(environments));
        Objects.requireNonNull(observe, "observe");
    }

    /** A platform without {@code observe:}: served on loopback only, without a token. */
    public ProjectConfig(Path file, String name, Map<String, EnvironmentConfig> environments) {
        this(file, name, environments, ObserveConfig.defaults(new SourceLocation(file, 1, 1, "")));
    }

    /**
     * Reads and checks {@code <platformDir>/strata.yaml}.
     *
     * @throws ConfigException when the file is malformed, naming file, line and key
     * @throws StrataException when there is no such file
     */
    public static ProjectConfig load(Path platformDir) {
        Path file = platformDir.resolve(FILE_NAME);
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new StrataException("no " + FILE_NAME + " in " + describeDirectory(platformDir),
                    "run `strata init` or pass -C DIR");
        } catch (IOException e) {
            throw new StrataException("cannot read " + file + " (" + e.getClass().getSimpleName() + ")",
                    Files.isDirectory(file) ? FILE_NAME + " must be a file, not a directory"
                            : "check that the file is readable", e);
        }
        return parse(file, content);
    }

    /** Checks {@code content} as if it had been read from {@code file}. */
    static ProjectConfig parse(Path file, byte[] content) {
        return ConfigParser.parse(file, YamlTreeReader.read(file, content));
    }

    /** Whether {@code name} is a valid platform name (a letter, then up to 62 letters, digits, `_` or `-`). */
    public static boolean isValidName(String name) {
        return ConfigParser.PLATFORM_NAME.matcher(name).matches();
    }

    /** The directory relative {@code ${file:...}} references start from. */
    public Path directory() {
        Path parent = file.getParent();
        return parent == null ? Path.of("") : parent;
    }

    /**
     * The named environment as declared.
     *
     * @throws StrataException when the name is invalid or not declared, listing the known ones
     */
    public EnvironmentConfig environment(String envName) {
        EnvironmentName.validate(envName);
        EnvironmentConfig env = environments.get(envName);
        if (env == null) {
            String known = String.join(", ", environments.keySet());
            throw new StrataException(
                    "environment `" + envName + "` is not declared in " + file + "; known environments: " + known,
                    "pass one of them with --env (" + known + "), or declare `" + envName
                            + ":` under `environments:` in " + file);
        }
        return env;
    }

    /**
     * Resolves the named environment's references: only this environment's variables and files
     * need to exist.
     *
     * @param environmentVariables looks up a variable, null when unset; {@code System::getenv} in production
     * @throws ConfigException when a variable is unset, a file is unreadable or the resolved url is
     *     not supported, naming where the reference is written
     */
    public ResolvedEnvironment resolve(String envName, Function<String, String> environmentVariables) {
        EnvironmentConfig env = environment(envName);
        ReferenceResolver resolver = new ReferenceResolver(directory(), environmentVariables);
        DatabaseSettings database = database(env, resolver);
        Map<String, Secret> variables = new LinkedHashMap<>();
        env.policy().variables().forEach((name, value) ->
                variables.put(name, new Secret(resolver.resolve(value), value.redacted())));
        return new ResolvedEnvironment(env.name(), database, env.lockTimeout(), lineage(env.lineage(), resolver),
                variables);
    }

    /**
     * Resolves {@code observe.serve}: only its token's references need to resolve, and only here, so
     * other commands never need the token's variable.
     *
     * @throws ConfigException when the token does not resolve or is shorter than
     *     {@link ObserveSettings#MIN_TOKEN_LENGTH} characters, naming where it is written
     */
    public ObserveSettings resolveObserve(Function<String, String> environmentVariables) {
        Secret token = null;
        if (observe.token() != null) {
            String value = new ReferenceResolver(directory(), environmentVariables).resolve(observe.token());
            if (value.length() < ObserveSettings.MIN_TOKEN_LENGTH) {
                throw new ConfigException(observe.tokenLocation(), "`" + observe.token().redacted() + "` resolves to a token shorter than "
                        + ObserveSettings.MIN_TOKEN_LENGTH + " characters, which could be guessed",
                        "make a longer one, e.g. `openssl rand -hex 32`");
            }
            token = new Secret(value, observe.token().redacted());
        }
        return new ObserveSettings(ObserveConfigParser.address(observe), token, observe.tokenLocation(), observe.hosts());
    }

    private LineageSettings lineage(LineageConfig lineage, ReferenceResolver resolver) {
        String url = lineage.openLineageUrl() == null ? null : resolver.resolve(lineage.openLineageUrl()).trim();
        if (url != null && !LineageUrl.isHttp(url)) {
            // Only the reference is shown: the resolved url may carry a token.
            throw new ConfigException(lineage.openLineageUrl().location(), "`" + lineage.openLineageUrl().redacted()
                    + "` resolves to something that is not an http:// or https:// URL with a host",
                    "set it to a URL such as `http://marquez:5000`");
        }
        Path file = null;
        if (lineage.openLineageFile() != null) {
            try {
                file = directory().resolve(resolver.resolve(lineage.openLineageFile())).toAbsolutePath().normalize();
            } catch (InvalidPathException e) {
                throw new ConfigException(lineage.openLineageFile().location(), "`" + lineage.openLineageFile()
                        .redacted() + "` is not a file path: " + e.getReason(), "give a path such as `lineage/events.jsonl`");
            }
        }
        String namespace = lineage.openLineageNamespace() == null ? null
                : resolver.resolve(lineage.openLineageNamespace());
        return url == null && file == null ? LineageSettings.NONE : new LineageSettings(url, file, namespace);
    }

    /**
     * Resolves the named environment's {@code images}: only its registry's references need to
     * resolve, so building images never needs the database's variables.
     *
     * @throws ConfigException when a reference does not resolve or the resolved url is malformed
     *     or insecure for a remote host, naming where it is written
     */
    public ImageSettings resolveImages(String envName, Function<String, String> environmentVariables) {
        EnvironmentConfig env = environment(envName);
        ImagesConfig images = env.images();
        String base = images.base().startsWith("tar:")
                ? "tar:" + directory().toAbsolutePath().resolve(images.base().substring(4)).normalize()
                : images.base();
        ImagesConfig.Registry registry = images.registry();
        if (registry == null) {
            return new ImageSettings(base, null);
        }
        ReferenceResolver resolver = new ReferenceResolver(directory(), environmentVariables);
        String[] url = ImagesConfigParser.check(resolver.resolve(registry.url()), registry.insecure(),
                registry.url().location(), registry.url().location());
        String username = registry.username() == null ? null : resolver.resolve(registry.username());
        Secret password = registry.password() == null ? null
                : new Secret(resolver.resolve(registry.password()), registry.password().redacted());
        return new ImageSettings(base, new ImageSettings.Registry(url[0], url[1], registry.insecure(), username, password));
    }

    /**
     * Resolves the named environment's {@code scheduler}: only its own references need to resolve.
     *
     * @throws ConfigException when a reference does not resolve or resolves to a malformed server
     *     url or namespace, naming where it is written
     */
    public SchedulerSettings resolveScheduler(String envName, Function<String, String> environmentVariables) {
        if (!(environment(envName).scheduler() instanceof SchedulerConfig.Kubernetes kubernetes)) {
            return new SchedulerSettings.Local();
        }
        ReferenceResolver resolver = new ReferenceResolver(directory(), environmentVariables);
        String server = null;
        if (kubernetes.server() != null) {
            server = resolver.resolve(kubernetes.server());
            SchedulerConfigParser.checkServer(server, kubernetes.server().location());
        }
        String namespace = null;
        if (kubernetes.namespace() != null) {
            namespace = resolver.resolve(kubernetes.namespace());
            SchedulerConfigParser.checkNamespace(namespace, kubernetes.namespace().location());
        }
        String context = kubernetes.context() == null ? null : resolver.resolve(kubernetes.context());
        return new SchedulerSettings.Kubernetes(context, server, namespace);
    }

    /**
     * Resolves what plan, apply and observe connect with: the database and the lock timeout. The
     * {@code variables:} and {@code lineage:} references only a pipeline run needs ({@link #resolve})
     * need not resolve, so a plan in CI does not need the pipelines' own secrets.
     *
     * @throws ConfigException as {@link #resolve}, for the database's references only
     */
    public ResolvedEnvironment resolveConnection(String envName, Function<String, String> environmentVariables) {
        EnvironmentConfig env = environment(envName);
        return new ResolvedEnvironment(env.name(), resolveDatabase(envName, environmentVariables), env.lockTimeout());
    }

    /**
     * Resolves only the named environment's database, for commands that touch nothing else (the
     * server {@code strata env up} and {@code env down} work on): its variables and lineage
     * references need not resolve.
     *
     * @throws ConfigException as {@link #resolve}, for the database's references only
     */
    public DatabaseSettings resolveDatabase(String envName, Function<String, String> environmentVariables) {
        return database(environment(envName), new ReferenceResolver(directory(), environmentVariables));
    }

    private static DatabaseSettings database(EnvironmentConfig env, ReferenceResolver resolver) {
        return env.database() instanceof DatabaseConfig.Jdbc jdbc ? jdbc(jdbc, resolver) : new DatabaseSettings.Embedded();
    }

    private static DatabaseSettings.Jdbc jdbc(DatabaseConfig.Jdbc jdbc, ReferenceResolver resolver) {
        String url = resolver.resolve(jdbc.url());
        if (JdbcUrl.dialectOf(url).isEmpty()) {
            // Only the reference is shown: the resolved url may contain a password.
            throw new ConfigException(jdbc.url().location(),
                    "`" + jdbc.url().redacted() + "` resolves to a url that does not start with " + JdbcUrl.expected(),
                    "set it to a url such as `jdbc:postgresql://HOST:5432/DB`");
        }
        String user = jdbc.user() == null ? null : resolver.resolve(jdbc.user());
        Secret password = jdbc.password() == null ? null
                : new Secret(resolver.resolve(jdbc.password()), jdbc.password().redacted());
        return new DatabaseSettings.Jdbc(url, user, password);
    }

    private static String describeDirectory(Path dir) {
        String shown = dir.toString().isEmpty() ? "." : dir.toString();
        return shown + " (" + dir.toAbsolutePath().normalize() + ")";
    }
}
