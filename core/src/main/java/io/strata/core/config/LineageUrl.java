package io.strata.core.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * The OpenLineage endpoint rule: an absolute http(s) URL with a host, as the pipeline library
 * requires of STRATA_OPENLINEAGE_URL. Before references are resolved only the start can be checked;
 * docs/strata.schema.json has the same pattern.
 */
final class LineageUrl {

    private static final Pattern START = Pattern.compile("(?i)https?://[^/?#:@\\s].*", Pattern.DOTALL);

    private LineageUrl() {}

    /** Whether a value as written, before its references are resolved, can be such a URL. */
    static boolean startsLikeHttp(ConfigValue value) {
        if (value.startsWithReference()) {
            return true;
        }
        boolean literal = value.parts().stream().allMatch(p -> p instanceof ConfigValue.Literal);
        return START.matcher(value.text()).matches() && (!literal || isHttp(value.text()));
    }

    static boolean isHttp(String url) {
        if (!START.matcher(url).matches()) {
            return false;
        }
        try {
            return new URI(url).getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
