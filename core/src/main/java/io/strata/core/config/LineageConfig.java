package io.strata.core.config;

/**
 * An environment's {@code lineage:} as written in {@code strata.yaml} (its own, else the top-level
 * one), references not yet resolved: where pipelines send their OpenLineage events.
 *
 * @param openLineageUrl {@code lineage.openlineage.url}; null when omitted
 * @param openLineageFile {@code lineage.openlineage.file}; null when omitted
 * @param openLineageNamespace {@code lineage.openlineage.namespace}; null when omitted
 */
public record LineageConfig(ConfigValue openLineageUrl, ConfigValue openLineageFile,
        ConfigValue openLineageNamespace) {

    /** No {@code lineage:} anywhere, or {@code lineage: {}}: pipelines emit no events. */
    public static final LineageConfig NONE = new LineageConfig(null, null, null);
}
