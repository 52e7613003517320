package io.strata.core.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An environment's lineage settings with references resolved: where its pipelines send their
 * OpenLineage events. A pipeline reads them from environment variables (docs/pipelines.md,
 * "Lineage"), so that it emits the same way in Kubernetes, where no strata.yaml is at hand.
 *
 * @param openLineageUrl an http(s) URL, or null: a server ({@code http://marquez:5000}, posted to
 *     {@code /api/v1/lineage}) or the exact URL to post to
 * @param openLineageFile an absolute file events are appended to, one per line, or null
 * @param openLineageNamespace the job namespace, or null for the pipeline library's default ({@code strata})
 */
public record LineageSettings(String openLineageUrl, Path openLineageFile, String openLineageNamespace) {

    /** Names the pipeline library reads (io.strata.pipeline.run.Environment); core cannot import it. */
    public static final String URL_VARIABLE = "STRATA_OPENLINEAGE_URL";
    public static final String FILE_VARIABLE = "STRATA_OPENLINEAGE_FILE";
    public static final String NAMESPACE_VARIABLE = "STRATA_OPENLINEAGE_NAMESPACE";

    public static final LineageSettings NONE = new LineageSettings(null, null, null);

    /**
     * The environment variables a pipeline's JVM needs to emit as configured: for {@code strata run}
     * and the local scheduler, which start pipelines as child processes. Empty when no events are
     * configured. The values are settings, not secrets, but they are not logged either.
     */
    public Map<String, String> childEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        if (openLineageUrl != null) {
            env.put(URL_VARIABLE, openLineageUrl);
        }
        if (openLineageFile != null) {
            env.put(FILE_VARIABLE, openLineageFile.toString());
        }
        if (!env.isEmpty() && openLineageNamespace != null) {
            env.put(NAMESPACE_VARIABLE, openLineageNamespace);
        }
        return Map.copyOf(env);
    }

    /** The url as scheme, host and port only: its user, path or query may carry a token. */
    @Override
    public String toString() {
        return "LineageSettings[openLineageUrl=" + shown(openLineageUrl) + ", openLineageFile=" + openLineageFile
                + ", openLineageNamespace=" + openLineageNamespace + "]";
    }

    private static String shown(String url) {
        if (url == null) {
            return "null";
        }
        try {
            URI uri = new URI(url);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + "/***";
        } catch (URISyntaxException e) {
            return "***";
        }
    }
}
