package io.strata.core.config;

import java.util.Objects;
import java.util.Optional;

/** An environment's {@code scheduler} with every reference resolved. */
public sealed interface SchedulerSettings {

    /** The local scheduler (the default). */
    record Local() implements SchedulerSettings {}

    /**
     * A Kubernetes cluster.
     *
     * @param context the kubeconfig context to use; null when {@code server} is given
     * @param server the API server's URL; null when {@code context} is given
     * @param namespace the namespace; null for the context's own (else {@code default})
     */
    record Kubernetes(String context, String server, String namespace) implements SchedulerSettings {
        public Kubernetes {
            if ((context == null) == (server == null)) {
                throw new IllegalArgumentException("exactly one of context and server");
            }
        }

        public Optional<String> contextIfSet() {
            return Optional.ofNullable(context);
        }

        public Optional<String> serverIfSet() {
            return Optional.ofNullable(server);
        }

        public Optional<String> namespaceIfSet() {
            return Optional.ofNullable(namespace);
        }

        /** {@code context prod} or {@code server https://...}: how messages name the cluster. */
        public String describe() {
            return context != null ? "context " + context : "server " + Objects.requireNonNull(server);
        }
    }
}
