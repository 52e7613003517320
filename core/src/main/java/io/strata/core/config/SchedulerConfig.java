package io.strata.core.config;

import java.util.Objects;

/**
 * An environment's {@code scheduler} as written in {@code strata.yaml}: where its CronJobs run.
 * References are not yet resolved.
 */
public sealed interface SchedulerConfig {

    /** {@code scheduler: local}, the default: the schedule registry and {@code strata scheduler}. */
    record Local() implements SchedulerConfig {}

    /**
     * {@code scheduler: {kubernetes: {context: NAME | server: URL, namespace: NS}}}: a cluster.
     * Exactly one of {@code context} and {@code server} is set.
     *
     * @param context a kubeconfig context, whose cluster, credentials and namespace are used; null with server
     * @param server the API server's URL, credentials from the usual kubeconfig or service account resolution; null with context
     * @param namespace where the CronJobs go; null for the context's namespace (else {@code default})
     * @param location where {@code kubernetes} is written
     */
    record Kubernetes(ConfigValue context, ConfigValue server, ConfigValue namespace, SourceLocation location)
            implements SchedulerConfig {
        public Kubernetes {
            if ((context == null) == (server == null)) {
                throw new IllegalArgumentException("exactly one of context and server");
            }
            Objects.requireNonNull(location, "location");
        }
    }
}
