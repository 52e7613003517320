package io.strata.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a production environment needs, checked whenever a command is about to plan against an
 * environment (not when the file is loaded, so {@code strata env list} still shows a broken one).
 *
 * <p>An environment with {@code production: true} must have a database server (not the embedded
 * one), write its {@code lock_timeout}, and not write {@code allow_unsafe: true} or
 * {@code suspend_schedules: true}. Every path a production environment lists under {@code required}
 * must be written by every environment, that production environment included: the environments run
 * the same files, so what production needs to run them, the others need too. A violation names the
 * setting, the environment that lacks it and, for {@code required}, the environment that requires it.
 */
public final class ProductionRules {

    /** One broken rule, located where the fix goes. */
    public record Violation(SourceLocation location, String problem, String hint) {
        @Override
        public String toString() {
            return location.describe() + ": " + problem;
        }
    }

    private ProductionRules() {}

    /** Every rule {@code envName} breaks, in file order; empty when it may be planned. */
    public static List<Violation> violations(ProjectConfig config, String envName) {
        EnvironmentConfig env = config.environment(envName);
        EnvironmentPolicy policy = env.policy();
        List<Violation> violations = new ArrayList<>();
        String who = "production environment `" + env.name() + "`";
        if (policy.production()) {
            if (env.database() instanceof DatabaseConfig.Embedded) {
                violations.add(new Violation(at(env, "database"), who + " uses the embedded database",
                        "set `database.url` to the production server (e.g. `${env:PROD_DATABASE_URL}`)"));
            }
            if (policy.where("lock_timeout") == null) {
                violations.add(new Violation(env.location(), who + " lacks `lock_timeout`, which production needs",
                        "write how long an apply waits for another, e.g. `lock_timeout: 5m`"));
            }
            if (policy.allowUnsafe()) {
                violations.add(new Violation(at(env, "allow_unsafe"), who + " has `allow_unsafe: true`",
                        "remove it: production applies unsafe changes only from a reviewed plan file"));
            }
            if (policy.suspendSchedules()) {
                violations.add(new Violation(at(env, "suspend_schedules"), who + " has `suspend_schedules: true`",
                        "remove it; to pause one pipeline, set `suspend: true` in its CronJob in k8s/"));
            }
        }
        for (EnvironmentConfig production : config.environments().values()) {
            for (String path : production.policy().required()) {
                if (env.policy().where(path) == null) {
                    SourceLocation requiredAt = production.policy().where("required");
                    violations.add(new Violation(env.location(), "environment `" + env.name() + "` lacks `" + path
                            + "`, which production environment `" + production.name() + "` requires (at "
                            + requiredAt.file() + ":" + requiredAt.line() + ")",
                            "set `" + path + "` under `" + env.name() + ":`"
                                    + (env.declared() ? "" : " (declare `" + env.name() + ":` under `environments:`)")));
                }
            }
        }
        return violations;
    }

    /**
     * Throws when {@code envName} breaks a rule, naming every broken rule.
     *
     * @throws ConfigException located at the first violation; the message lists the others
     */
    public static void check(ProjectConfig config, String envName) {
        List<Violation> violations = violations(config, envName);
        if (violations.isEmpty()) {
            return;
        }
        Violation first = violations.get(0);
        String others = violations.stream().skip(1).map(v -> "\n  " + v).collect(Collectors.joining());
        throw new ConfigException(first.location(), first.problem() + (others.isEmpty() ? "" : "; also:" + others),
                first.hint());
    }

    private static SourceLocation at(EnvironmentConfig env, String key) {
        SourceLocation written = env.policy().where(key);
        return written == null ? env.location() : written;
    }
}
