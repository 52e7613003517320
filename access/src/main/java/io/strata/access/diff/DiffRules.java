package io.strata.access.diff;

/**
 * The few places where dialects differ in what a spec means; the diff algorithm exists once.
 *
 * @param patternsAreObjects {@code schema.*} is one grantable object covering future tables by
 *     itself (MySQL's {@code db.*}), rather than per-table grants plus default privileges
 * @param roleComments roles have comments Strata can read and set
 * @param roleInherit roles have an INHERIT attribute
 * @param schemaUsageImplicit {@code USAGE} on a schema is implied (MySQL has no such privilege)
 */
public record DiffRules(boolean patternsAreObjects, boolean roleComments, boolean roleInherit,
        boolean schemaUsageImplicit) {

    public static final DiffRules POSTGRESQL = new DiffRules(false, true, true, false);
    public static final DiffRules MYSQL = new DiffRules(true, false, false, true);

    /** The rules of a catalog's dialect: {@code mysql} (MariaDB included), else PostgreSQL's. */
    public static DiffRules of(String dialect) {
        return "mysql".equals(dialect) ? MYSQL : POSTGRESQL;
    }
}
