package io.strata.cli.env;

import io.strata.core.config.ConfigValue;
import io.strata.core.config.DatabaseConfig;
import io.strata.core.config.EnvironmentConfig;
import io.strata.core.config.EnvironmentPolicy;
import io.strata.core.config.ImagesConfig;
import io.strata.core.config.ProductionRules;
import io.strata.core.config.ProjectConfig;
import io.strata.core.environment.EphemeralEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code strata env list} and {@code env show} as text. Everything comes from the files as written,
 * unresolved: a secret appears as its reference ({@code ${env:STAGING_DATABASE_PASSWORD}}), an
 * inline one as {@code ***}, and a url with its {@code password=} masked. Nothing is resolved, so
 * listing never needs another environment's variables.
 */
public final class EnvironmentView {

    private EnvironmentView() {}

    /** One line per environment: declared first, in file order, then the ephemeral ones by name. */
    public static String list(ProjectConfig config, List<EphemeralEnvironment> ephemeral) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NAME", "DATABASE", "POLICY", "EPHEMERAL"});
        for (EnvironmentConfig env : config.environments().values()) {
            rows.add(new String[] {env.name(), database(env.database()), policy(env.policy()), "no"});
        }
        for (EphemeralEnvironment e : ephemeral) {
            EnvironmentConfig from = config.environments().get(e.from());
            String database = (from == null ? "?" : kind(from.database())) + ", database " + e.database();
            rows.add(new String[] {e.name(), database, "suspend_schedules",
                    "yes, from " + e.from() + " (" + e.describeData() + ")" + (e.step() == EphemeralEnvironment.Step.UP
                            ? "" : ", unfinished at " + e.step().word())});
        }
        return table(rows);
    }

    /** Every setting of a declared environment. */
    public static String show(ProjectConfig config, EnvironmentConfig env) {
        StringBuilder out = new StringBuilder();
        out.append("environment ").append(env.name()).append(env.declared() ? "  (" + env.location().file() + ":"
                + env.location().line() + ")" : "  (not declared: the default)").append('\n');
        settings(out, env);
        List<ProductionRules.Violation> violations = ProductionRules.violations(config, env.name());
        out.append(line("policy check", violations.isEmpty() ? "ok" : violations.size() + " problem(s), plan refuses:"));
        violations.forEach(v -> out.append("    ").append(v).append('\n'));
        return out.toString();
    }

    /** An ephemeral environment: where it came from, then its source's settings with its database. */
    public static String show(ProjectConfig config, EphemeralEnvironment e) {
        StringBuilder out = new StringBuilder();
        out.append("environment ").append(e.name()).append("  (ephemeral: made by `strata env up ").append(e.requested())
                .append("` on ").append(e.createdAt()).append("; .strata/environments/").append(e.name()).append(".yaml)\n");
        out.append(line("from", e.from()));
        out.append(line("data", e.describeData()));
        out.append(line("state", e.step() == EphemeralEnvironment.Step.UP ? "up"
                : "unfinished at " + e.step().word() + ": `strata env up` resumes, `strata env down` removes"));
        out.append(line("database", e.database() + ", on the server of " + e.from()));
        out.append(line("roles created", e.rolesCreated().isEmpty() ? "none" : String.join(", ", e.rolesCreated())));
        out.append("  settings of ").append(e.from()).append(" (production false, allow_unsafe true, suspend_schedules"
                + " true):\n");
        settings(out, config.environment(e.from()));
        return out.toString();
    }

    private static void settings(StringBuilder out, EnvironmentConfig env) {
        out.append(line("database", kind(env.database())));
        if (env.database() instanceof DatabaseConfig.Jdbc jdbc) {
            out.append(line("  url", jdbc.url().redacted()));
            out.append(line("  user", shown(jdbc.user())));
            out.append(line("  password", shown(jdbc.password())));
        }
        EnvironmentPolicy policy = env.policy();
        out.append(line("lock_timeout", duration(env.lockTimeout()) + (policy.where("lock_timeout") == null ? " (default)" : "")));
        out.append(line("production", Boolean.toString(policy.production())));
        out.append(line("allow_unsafe", policy.allowUnsafe() + (policy.where("allow_unsafe") == null ? " (default)" : "")));
        out.append(line("suspend_schedules", Boolean.toString(policy.suspendSchedules())));
        out.append(line("required", policy.required().isEmpty() ? "-" : String.join(", ", policy.required())));
        out.append(line("variables", policy.variables().isEmpty() ? "-" : ""));
        policy.variables().forEach((name, value) -> out.append(line("  " + name, value.redacted())));
        ImagesConfig images = env.images();
        out.append(line("images.base", images.base()));
        ImagesConfig.Registry registry = images.registry();
        out.append(line("images.registry", registry == null ? "none" : registry.url().redacted()
                + (registry.insecure() ? " (insecure)" : "")
                + (registry.username() == null ? "" : ", user " + registry.username().redacted() + ", password "
                        + registry.password().redacted())));
    }

    private static String database(DatabaseConfig database) {
        return database instanceof DatabaseConfig.Jdbc jdbc ? kind(database) + " " + jdbc.url().redacted() : "embedded";
    }

    /** embedded, postgresql, mysql, or server when the url is a reference (known only once resolved). */
    private static String kind(DatabaseConfig database) {
        if (!(database instanceof DatabaseConfig.Jdbc jdbc)) {
            return "embedded";
        }
        String url = jdbc.url().text();
        return url.startsWith("jdbc:postgresql:") ? "postgresql"
                : url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:") ? "mysql" : "server";
    }

    private static String policy(EnvironmentPolicy policy) {
        List<String> words = new ArrayList<>();
        if (policy.production()) {
            words.add("production");
        }
        if (!policy.allowUnsafe() && !policy.production()) {
            words.add("allow_unsafe false");
        }
        if (policy.suspendSchedules()) {
            words.add("suspend_schedules");
        }
        return words.isEmpty() ? "-" : String.join(", ", words);
    }

    private static String shown(ConfigValue value) {
        return value == null ? "-" : value.redacted();
    }

    private static String duration(Duration d) {
        long ms = d.toMillis();
        return ms % 3_600_000 == 0 ? ms / 3_600_000 + "h" : ms % 60_000 == 0 ? ms / 60_000 + "m"
                : ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }

    private static String line(String key, String value) {
        return "  " + String.format("%-19s", key + ":") + value + "\n";
    }

    private static String table(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        rows.forEach(r -> {
            for (int i = 0; i < r.length; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        });
        StringBuilder out = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                line.append(i == r.length - 1 ? r[i] : String.format("%-" + (widths[i] + 2) + "s", r[i]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
