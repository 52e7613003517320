package io.strata.storage.sql;

/** The SQL dialects whose lexical rules the splitter and classifier know. */
public enum Dialect {
    /** PostgreSQL with standard_conforming_strings on (the default since 9.1). */
    POSTGRESQL,
    /** MySQL and MariaDB with the default sql_mode (backslash escapes in string literals). */
    MYSQL
}
