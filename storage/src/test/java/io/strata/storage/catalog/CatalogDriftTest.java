package io.strata.storage.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.error.StrataException;
import io.strata.storage.testing.Servers;
import io.strata.storage.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class CatalogDriftTest {

    @Test
    void picksTheDialectByTheNameStorageDialectsAndDatabasesUse() throws SQLException {
        try (TestDatabase db = Servers.SERVER.newDatabase(); Connection c = db.connect();
                MariaDbDatabases dbs = new MariaDbDatabases(); Connection m = dbs.connect()) {
            assertThat(CatalogDrift.of(db.database().dialect()).inspect(c).indexNaming())
                    .isEqualTo(IndexNaming.PER_SCHEMA);
            assertThat(CatalogDrift.of("mysql").within(CatalogScope.only(dbs.names())).inspect(m).indexNaming())
                    .isEqualTo(IndexNaming.PER_TABLE);
        }
        assertThatThrownBy(() -> CatalogDrift.of("oracle")).isInstanceOf(StrataException.class)
                .hasMessage("no catalog inspector for the dialect \"oracle\"");
    }

    @Test
    void anOnlyScopeNamesAtLeastOneSchema() {
        assertThatThrownBy(CatalogScope::only).isInstanceOf(IllegalArgumentException.class);
        assertThat(CatalogScope.only("b", "a", "b").schemas()).containsExactly("a", "b");
        assertThat(CatalogScope.managed().isManaged()).isTrue();
    }
}
