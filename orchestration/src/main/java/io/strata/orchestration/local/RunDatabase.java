package io.strata.orchestration.local;

import io.strata.core.config.Secret;
import io.strata.pipeline.jdbc.Database;
import io.strata.pipeline.run.Environment;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The platform database as a pipeline's JVM is told about it: STRATA_DATABASE_URL, _USER and
 * _PASSWORD. The password is revealed only into the child's environment and into the connection
 * that reads the run record; the record prints it as {@code ***}.
 *
 * @param url the JDBC url, as the environment resolved it
 * @param displayUrl the url with any password masked, for messages
 * @param user the user, or null when the url names it
 * @param password the password, or null
 */
public record RunDatabase(String url, String displayUrl, String user, Secret password) {

    public RunDatabase {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(displayUrl, "displayUrl");
    }

    /** The variables a pipeline's {@code Environment.database()} reads. */
    public Map<String, String> variables() {
        Map<String, String> variables = new HashMap<>();
        variables.put(Environment.DATABASE_URL, url);
        if (user != null) {
            variables.put(Environment.DATABASE_USER, user);
        }
        if (password != null) {
            variables.put(Environment.DATABASE_PASSWORD, password.reveal());
        }
        return variables;
    }

    /** The same database for the pipeline library: to read run records. */
    public Database forRunRecords() {
        return Database.of(url, user, password == null ? null : password.reveal());
    }

    @Override
    public String toString() {
        return "RunDatabase[" + displayUrl + ", user=" + user + "]";
    }
}
