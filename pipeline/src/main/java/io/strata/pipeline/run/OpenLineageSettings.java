package io.strata.pipeline.run;

import io.strata.pipeline.PipelineException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Where a run's OpenLineage events go (STRATA_OPENLINEAGE_URL, _FILE, _NAMESPACE; docs/pipelines.md,
 * "Lineage"). Either or both of {@code endpoint} and {@code file} are set; with neither, no event is
 * made at all.
 *
 * @param endpoint the URL events are POSTed to, or null
 * @param file the file events are appended to, one per line, or null
 * @param namespace the job namespace
 */
record OpenLineageSettings(URI endpoint, Path file, String namespace) {

    static final String DEFAULT_NAMESPACE = "strata";
    /** Marquez's endpoint, added to a URL that names only a server. */
    static final String LINEAGE_PATH = "/api/v1/lineage";

    /**
     * The settings from the variables' values (null when unset), or null when neither a URL nor a
     * file is set.
     *
     * @throws PipelineException when the URL is not an http(s) URL or the file not a path
     */
    static OpenLineageSettings of(String url, String file, String namespace) {
        if (url == null && file == null) {
            return null;
        }
        return new OpenLineageSettings(url == null ? null : endpoint(url), file == null ? null : path(file),
                namespace == null ? DEFAULT_NAMESPACE : namespace.trim());
    }

    /**
     * {@code http://marquez:5000} (no path) posts to {@code http://marquez:5000/api/v1/lineage}, as
     * Marquez expects; a URL with a path is used exactly, for other consumers.
     */
    static URI endpoint(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw misconfigured(url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw misconfigured(url);
        }
        String path = uri.getRawPath();
        if (path == null || path.isEmpty() || path.equals("/")) {
            return URI.create(scheme + "://" + uri.getRawAuthority() + LINEAGE_PATH
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        }
        return uri;
    }

    private static Path path(String file) {
        try {
            return Path.of(file.trim());
        } catch (InvalidPathException e) {
            throw new PipelineException(Environment.OPENLINEAGE_FILE + " is not a file path: " + e.getReason());
        }
    }

    private static PipelineException misconfigured(String url) {
        // The value is not shown: a URL may carry a token.
        return new PipelineException(Environment.OPENLINEAGE_URL + " is not an http:// or https:// URL with a host,"
                + " e.g. http://marquez:5000 (events then go to " + LINEAGE_PATH + ")");
    }
}
