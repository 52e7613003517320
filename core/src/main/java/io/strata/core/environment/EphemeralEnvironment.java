package io.strata.core.environment;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An environment made by {@code strata env up}: its settings are its source's, with its own
 * database on the source's server. Kept in {@code .strata/environments/NAME.yaml}, a local,
 * git-ignored file, because {@code strata.yaml} is the reviewed file and a branch's throwaway
 * environment is not for review. The file is rewritten before each step of {@code env up}, so a
 * crashed one can be resumed or removed.
 *
 * @param name the environment name ({@code --env NAME})
 * @param requested the name as given to {@code env up}, e.g. a branch name; tells collisions apart
 * @param from the declared environment it was made from
 * @param database the database {@code env up} created on the source's server
 * @param data how the database was filled
 * @param sampleRows for {@link Data#SAMPLE}, the most rows kept per table; 0 otherwise
 * @param createdAt when {@code env up} started
 * @param step the step {@code env up} was in, or {@link Step#UP} when it finished
 * @param rolesCreated roles the apply created because the server lacked them; {@code env down}
 *     drops them (roles are server-wide, so roles the server already had are never dropped)
 */
public record EphemeralEnvironment(String name, String requested, String from, String database, Data data,
        int sampleRows, Instant createdAt, Step step, List<String> rolesCreated) {

    /** How {@code env up} fills the new database. */
    public enum Data {
        /** A new database; the layers' apply builds everything from the files. */
        EMPTY("empty"),
        /** The source's schema and the first N rows of each table, then apply. */
        SAMPLE("sample"),
        /** A full copy of the source, then apply. */
        CLONE("clone");

        private final String word;

        Data(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /** The steps of {@code env up}, in order; each is recorded before it starts. */
    public enum Step {
        /** Creating the database, and copying into it for a clone or a sample. */
        CREATING_DATABASE("creating-database"),
        /** Applying every layer, as {@code strata apply --auto-approve}. */
        APPLYING("applying"),
        UP("up");

        private final String word;

        Step(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    public EphemeralEnvironment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(step, "step");
        rolesCreated = List.copyOf(rolesCreated);
    }

    public EphemeralEnvironment at(Step next) {
        return new EphemeralEnvironment(name, requested, from, database, data, sampleRows, createdAt, next, rolesCreated);
    }

    public EphemeralEnvironment withRolesCreated(List<String> roles) {
        return new EphemeralEnvironment(name, requested, from, database, data, sampleRows, createdAt, step, roles);
    }

    /** {@code empty}, {@code sample 1000} or {@code clone}. */
    public String describeData() {
        return data == Data.SAMPLE ? "sample " + sampleRows : data.word();
    }
}
