package io.strata.storage.lint;

import io.strata.storage.migration.Checksum;
import io.strata.storage.migration.Migration;
import java.nio.charset.StandardCharsets;

/** Migration files for lint tests, named as the folder would name them. */
public final class Files {

    private Files() {}

    /** {@code migrations/<name>} with {@code sql}; the version is the name's leading number. */
    public static Migration migration(String name, String sql) {
        long version = Long.parseLong(name.substring(0, name.indexOf('_')));
        String bare = name.substring(name.indexOf('_') + 1, name.length() - ".sql".length());
        return new Migration(version, bare, "migrations/" + name, sql,
                Checksum.of(sql.getBytes(StandardCharsets.UTF_8)));
    }
}
