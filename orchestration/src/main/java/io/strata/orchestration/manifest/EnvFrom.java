package io.strata.orchestration.manifest;

import java.util.Objects;
import java.util.Optional;

/**
 * An {@code envFrom} entry: every key of a Secret or ConfigMap becomes an environment variable of
 * the pipeline (the way its credentials arrive, never in code).
 *
 * @param source where the variables come from
 * @param name the Secret's or ConfigMap's name
 * @param prefix {@code prefix}, put before each variable name
 * @param optional {@code optional}: a missing source is not an error
 */
public record EnvFrom(Source source, String name, Optional<String> prefix, boolean optional) {

    /** {@code secretRef} or {@code configMapRef}. */
    public enum Source { SECRET, CONFIG_MAP }

    public EnvFrom {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(prefix, "prefix");
    }
}
