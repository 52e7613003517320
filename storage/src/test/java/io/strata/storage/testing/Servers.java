package io.strata.storage.testing;

/** The real PostgreSQL servers the storage tests run on. */
public enum Servers {
    /** The machine's PostgreSQL server on 127.0.0.1:5432. */
    SERVER,
    /** The embedded PostgreSQL, as the default environment uses it. */
    EMBEDDED;

    public TestDatabase newDatabase() {
        return this == SERVER ? TestDatabase.onServer() : TestDatabase.onEmbedded();
    }
}
