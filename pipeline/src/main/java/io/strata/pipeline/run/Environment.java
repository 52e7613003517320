package io.strata.pipeline.run;

import io.strata.pipeline.PipelineException;
import io.strata.pipeline.jdbc.Database;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The settings of a run, all from environment variables (a CronJob's {@code envFrom: secretRef},
 * or {@code strata run}): nothing in a pipeline's code or jar says where a database is or what its
 * password is. The variables are listed in docs/pipelines.md. Holds the variables, never prints them.
 */
public final class Environment {

    public static final String DATABASE_URL = "STRATA_DATABASE_URL";
    public static final String DATABASE_USER = "STRATA_DATABASE_USER";
    public static final String DATABASE_PASSWORD = "STRATA_DATABASE_PASSWORD";
    public static final String TRIGGER = "STRATA_PIPELINE_TRIGGER";
    public static final String RUN_ID = "STRATA_RUN_ID";
    public static final String IMAGE = "STRATA_IMAGE";
    public static final String PROGRESS_SECONDS = "STRATA_PROGRESS_SECONDS";
    /** An OpenLineage endpoint: a server ({@code http://marquez:5000}, posted to /api/v1/lineage) or an exact URL. */
    public static final String OPENLINEAGE_URL = "STRATA_OPENLINEAGE_URL";
    /** A file OpenLineage events are appended to, one JSON document per line. */
    public static final String OPENLINEAGE_FILE = "STRATA_OPENLINEAGE_FILE";
    /** The OpenLineage job namespace (default {@code strata}). */
    public static final String OPENLINEAGE_NAMESPACE = "STRATA_OPENLINEAGE_NAMESPACE";

    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private final Map<String, String> variables;

    private Environment(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    public static Environment of(Map<String, String> variables) {
        return new Environment(variables);
    }

    /** The platform database (STRATA_DATABASE_*): where run records go, and the usual source and sink. */
    public Database database() {
        return database("STRATA_DATABASE");
    }

    /**
     * Another database, by a name of the pipeline's choosing: {@code named("crm")} reads
     * STRATA_DATABASE_CRM_URL, _USER and _PASSWORD.
     */
    public Database named(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new PipelineException("a database name is letters, digits and _, starting with a letter: '" + name
                    + "'");
        }
        return database("STRATA_DATABASE_" + name.toUpperCase(Locale.ROOT));
    }

    private Database database(String prefix) {
        String url = value(prefix + "_URL").orElseThrow(() -> new PipelineException(prefix + "_URL is not set: it"
                + " names the database, e.g. jdbc:postgresql://host:5432/platform (user and password in "
                + prefix + "_USER and " + prefix + "_PASSWORD)"));
        return Database.of(url, value(prefix + "_USER").orElse(null), value(prefix + "_PASSWORD").orElse(null));
    }

    public Trigger trigger() {
        return value(TRIGGER).map(Trigger::parse).orElse(Trigger.MANUAL);
    }

    /** The scheduler's id for this run when it passes one (to find the record again), else a new UUID. */
    public String runId() {
        String id = value(RUN_ID).orElseGet(() -> UUID.randomUUID().toString());
        if (id.length() > 64) {
            throw new PipelineException(RUN_ID + " is longer than 64 characters");
        }
        return id;
    }

    public Optional<String> image() {
        return value(IMAGE);
    }

    public Duration progressInterval() {
        String seconds = value(PROGRESS_SECONDS).orElse("10");
        try {
            long s = Long.parseLong(seconds.trim());
            if (s < 1) {
                throw new NumberFormatException();
            }
            return Duration.ofSeconds(s);
        } catch (NumberFormatException e) {
            throw new PipelineException(PROGRESS_SECONDS + " is '" + seconds + "'; expected a whole number of seconds"
                    + " of at least 1");
        }
    }

    /**
     * Where this run's OpenLineage events go, or null when neither STRATA_OPENLINEAGE_URL nor
     * STRATA_OPENLINEAGE_FILE is set.
     */
    OpenLineageSettings openLineage() {
        return OpenLineageSettings.of(value(OPENLINEAGE_URL).orElse(null), value(OPENLINEAGE_FILE).orElse(null),
                value(OPENLINEAGE_NAMESPACE).orElse(null));
    }

    /** HOSTNAME is set in every Kubernetes pod (the pod's name) and by most shells. */
    String host() {
        return value("HOSTNAME").orElse("unknown");
    }

    private Optional<String> value(String name) {
        String v = variables.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    @Override
    public String toString() {
        return "Environment" + variables.keySet().stream().filter(k -> k.startsWith("STRATA_")).sorted().toList();
    }
}
