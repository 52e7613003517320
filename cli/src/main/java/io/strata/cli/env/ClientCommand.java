package io.strata.cli.env;

import io.strata.core.config.DatabaseSettings;
import io.strata.core.environment.DatabaseUrls;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code psql} or {@code mysql} command that opens a server environment's database; never with its password. */
final class ClientCommand {

    private static final Pattern HOST = Pattern.compile("jdbc:[a-z]+://([^/:?#,]+)(?::(\\d+))?/.*");
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_.:/@%+=-]+");

    private ClientCommand() {}

    static Optional<String> of(DatabaseSettings.Jdbc jdbc) {
        Matcher m = HOST.matcher(jdbc.url());
        if (!m.matches()) {
            return Optional.empty();
        }
        String database = DatabaseUrls.database(jdbc.url(), jdbc.redactedUrl());
        boolean mysql = jdbc.dialect().equals("mysql");
        StringBuilder command = new StringBuilder(mysql ? "mysql -h " : "psql -h ").append(quote(m.group(1)));
        if (m.group(2) != null) {
            command.append(mysql ? " -P " : " -p ").append(m.group(2));
        }
        if (jdbc.user() != null) {
            command.append(mysql ? " -u " : " -U ").append(quote(jdbc.user()));
        }
        if (jdbc.password() != null && mysql) {
            command.append(" -p"); // mysql asks for the password only when told to; psql asks by itself
        }
        command.append(' ').append(quote(database));
        if (jdbc.password() != null) {
            command.append("   # password: ").append(jdbc.password().reference());
        }
        return Optional.of(command.toString());
    }

    private static String quote(String word) {
        return SAFE.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
