package io.strata.storage.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.core.error.StrataException;
import io.strata.core.layer.JdbcDatabase;
import io.strata.core.loop.ApplyResult;
import io.strata.storage.testing.Harness;
import io.strata.storage.testing.MariaDbTestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MySqlUrlsTest {

    @TempDir
    Path root;

    @Test
    void onlyJdbcMysqlUrlsGetThePermission() {
        assertThat(MySqlUrls.forDriver("jdbc:mysql://h:3306/db")).isEqualTo("jdbc:mysql://h:3306/db?permitMysqlScheme");
        assertThat(MySqlUrls.forDriver("jdbc:mysql://h/db?user=app&sslMode=trust"))
                .isEqualTo("jdbc:mysql://h/db?user=app&sslMode=trust&permitMysqlScheme");
        assertThat(MySqlUrls.forDriver("jdbc:mysql://h/db?permitMysqlScheme=true")).isEqualTo("jdbc:mysql://h/db?permitMysqlScheme=true");
        assertThat(MySqlUrls.forDriver("jdbc:mariadb://h/db")).isEqualTo("jdbc:mariadb://h/db");
        assertThat(MySqlUrls.forDriver("jdbc:postgresql://h/db")).isEqualTo("jdbc:postgresql://h/db");
    }

    @Test
    void aUrlWithoutADatabaseIsRefusedSayingWhy() {
        String url = "jdbc:mariadb://" + MariaDbTestDatabase.SERVER + "/?user=root";
        Harness h = new Harness(root, new JdbcDatabase(url, url, null, null), Harness.Kind.MYSQL);
        h.migration("0001_t.sql", "CREATE TABLE t (id INT);\n");
        String message = "the database URL names no database: on MySQL/MariaDB Strata keeps its tables"
                + " (strata_migrations, strata_journal) in the database the URL names";
        assertThatThrownBy(h::plan).isInstanceOf(StrataException.class).hasMessage(message)
                .satisfies(e -> assertThat(((StrataException) e).hint()).contains("createDatabaseIfNotExist=true"));
        assertThatThrownBy(h::apply).isInstanceOf(StrataException.class).hasMessage(message);
    }

    @Test
    void aJdbcMysqlUrlAppliesThroughMariaDbConnectorJ() {
        try (MariaDbTestDatabase db = MariaDbTestDatabase.create()) {
            String url = "jdbc:mysql://" + MariaDbTestDatabase.SERVER + "/" + db.name() + "?user=root";
            Harness h = new Harness(root, new JdbcDatabase(MySqlUrls.forDriver(url), url, null, null), Harness.Kind.MYSQL);
            h.migration("0001_t.sql", "CREATE TABLE t (id INT);\n");
            assertThat(h.apply().status()).isEqualTo(ApplyResult.Status.APPLIED);
            assertThat(new Harness(root, db).history()).containsExactly("1:migrations/0001_t.sql:true");
        }
    }
}
