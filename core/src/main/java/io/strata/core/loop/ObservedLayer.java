package io.strata.core.loop;

import io.strata.core.layer.LayerStatus;

/**
 * One layer as observe saw it: its status and the desired and live states the status was computed
 * from, for a view that shows more than the status lines (the web pages of {@code observe}). The
 * states are typed by the layer ({@code StorageState}, {@code AccessCatalog}, ...); a view matches
 * on the types it knows, so the core stays free of every layer's model.
 *
 * @param desired the layer's validated files
 * @param live the live state, or null when the layer is not in use (nothing was read)
 */
public record ObservedLayer(String layer, LayerStatus status, Object desired, Object live) {}
