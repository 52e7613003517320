package io.strata.storage.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Which schemas an inspection reads. Never the system schemas or Strata's own objects.
 *
 * <p>{@link #managed()} is what Strata uses: every schema the connection can see. {@link #only}
 * narrows it to named schemas: on MySQL a "schema" is a database, server-wide, so a platform that
 * shares its server with other applications (or tests that share one) name theirs.
 */
public final class CatalogScope {

    private final List<String> only;

    private CatalogScope(List<String> only) {
        this.only = only;
    }

    /** Every schema except the system ones and Strata's own. */
    public static CatalogScope managed() {
        return new CatalogScope(List.of());
    }

    /** Only these schemas (still never the system ones or Strata's own). */
    public static CatalogScope only(String... schemas) {
        if (schemas.length == 0) {
            throw new IllegalArgumentException("name at least one schema; managed() means all of them");
        }
        return new CatalogScope(List.copyOf(new TreeSet<>(Arrays.asList(schemas))));
    }

    /** True when every schema outside the system and Strata's own is in scope. */
    public boolean isManaged() {
        return only.isEmpty();
    }

    /** The schemas named by {@link #only}, sorted; empty for {@link #managed()}. */
    public List<String> schemas() {
        return only;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CatalogScope other && other.only.equals(only);
    }

    @Override
    public int hashCode() {
        return only.hashCode();
    }

    @Override
    public String toString() {
        return only.isEmpty() ? "managed schemas" : "schemas " + String.join(", ", only);
    }
}
