package io.strata.core.config;

import java.util.Objects;

/**
 * An environment's {@code images} as written in {@code strata.yaml}: what pipeline images are built
 * on and where they are pushed. References are not yet resolved.
 *
 * @param base the base image: an image reference ({@code eclipse-temurin:17-jre}) or {@code tar:PATH}
 *     for a {@code docker save} tarball, PATH relative to the platform folder
 * @param registry where images go; null when not declared (then only {@code --to-tar} can build)
 */
public record ImagesConfig(String base, Registry registry) {

    /** Used when {@code images.base} is omitted. */
    public static final String DEFAULT_BASE = "eclipse-temurin:17-jre";

    public ImagesConfig {
        Objects.requireNonNull(base, "base");
    }

    /** No {@code images} key: the default base, no registry. */
    public static ImagesConfig defaults() {
        return new ImagesConfig(DEFAULT_BASE, null);
    }

    /**
     * {@code images.registry}.
     *
     * @param url {@code HOST[:PORT][/PATH]}, e.g. {@code 127.0.0.1:5000/strata}; may hold references
     * @param insecure plain HTTP (and unverified TLS); refused for any host but the local machine
     * @param username null when omitted
     * @param password null when omitted; a secret
     */
    public record Registry(ConfigValue url, boolean insecure, ConfigValue username, ConfigValue password) {
        public Registry {
            Objects.requireNonNull(url, "url");
        }
    }
}
