package io.strata.core.config;

import java.util.Objects;
import java.util.Optional;

/**
 * An environment's {@code images} with every reference resolved: what {@code strata build} uses.
 *
 * @param base an image reference, or {@code tar:PATH} with PATH resolved against the platform folder
 * @param registry where images are pushed; null when the environment declares none
 */
public record ImageSettings(String base, Registry registry) {

    public ImageSettings {
        Objects.requireNonNull(base, "base");
    }

    public Optional<Registry> registryIfDeclared() {
        return Optional.ofNullable(registry);
    }

    /**
     * A registry and the repository prefix images go under.
     *
     * @param host {@code HOST[:PORT]}
     * @param path the repository prefix without leading or trailing {@code /}, possibly empty
     * @param insecure plain HTTP allowed; only ever true for the local machine
     * @param username null for anonymous access
     * @param password null for anonymous access
     */
    public record Registry(String host, String path, boolean insecure, String username, Secret password) {
        public Registry {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(path, "path");
        }

        /** The repository of one pipeline's images, e.g. {@code 127.0.0.1:5000/strata/customers}. */
        public String repository(String pipeline) {
            return host + "/" + (path.isEmpty() ? "" : path + "/") + pipeline;
        }

        @Override
        public String toString() {
            return "Registry[" + host + "/" + path + (insecure ? ", insecure" : "") + ", user=" + username
                    + ", password=" + (password == null ? "none" : password.reference()) + "]";
        }
    }
}
