package io.strata.storage.environment;

import static io.strata.storage.testing.MariaDbTestDatabase.admin;
import static io.strata.storage.testing.MariaDbTestDatabase.adminRows;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.core.layer.JdbcDatabase;
import io.strata.storage.testing.MariaDbTestDatabase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code env down}'s part on MariaDB: dropping an environment's database and the accounts nothing else needs. */
class MySqlServerDatabasesTest {

    private final String token = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private final String role = "reader_" + token;
    private final String member = "alice_" + token + "@%";
    private final String alone = "bob_" + token + "@%";

    private final ServerDatabases server = ServerDatabases.of("mysql", db -> {
        String url = "jdbc:mariadb://" + MariaDbTestDatabase.SERVER + "/" + (db == null ? "" : db) + "?user=root";
        return new JdbcDatabase(url, url, null, null);
    });

    @AfterEach
    void dropAccounts() {
        admin("DROP ROLE IF EXISTS " + role);
        admin("DROP USER IF EXISTS 'alice_" + token + "'@'%', 'bob_" + token + "'@'%'");
    }

    @Test
    void anAccountGrantedARoleAnotherDatabaseStillUsesIsKeptWithIt() {
        try (MariaDbTestDatabase other = MariaDbTestDatabase.create(); MariaDbTestDatabase down = MariaDbTestDatabase.create()) {
            admin("CREATE ROLE " + role);
            admin("GRANT SELECT ON `" + other.name() + "`.* TO " + role);
            admin("GRANT SELECT ON `" + down.name() + "`.* TO " + role);
            admin("CREATE USER 'alice_" + token + "'@'%'");
            admin("GRANT " + role + " TO 'alice_" + token + "'@'%'");
            admin("CREATE USER 'bob_" + token + "'@'%'");
            admin("GRANT SELECT ON `" + down.name() + "`.* TO 'bob_" + token + "'@'%'");

            server.drop(down.name());
            Map<String, String> kept = server.dropRoles(List.of(role, member, alone));

            assertThat(kept).containsOnlyKeys(role, member);
            assertThat(kept.get(role)).isEqualTo("is granted something in [" + other.name() + "]");
            assertThat(kept.get(member)).isEqualTo("member of the kept role " + role);
            assertThat(adminRows("SELECT User FROM mysql.user WHERE User LIKE '%\\_" + token + "' ORDER BY 1"))
                    .containsExactly("alice_" + token, role);
            assertThat(adminRows("SELECT Role FROM mysql.roles_mapping WHERE User = 'alice_" + token + "'"))
                    .containsExactly(role);
        }
    }
}
