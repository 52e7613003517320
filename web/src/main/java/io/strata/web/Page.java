package io.strata.web;

/**
 * One page of the observe site. Served, each page is its own path; exported, the pages are the
 * sections of one file. A page renders from the {@link Snapshot} only and writes a fragment: the
 * {@link Site} adds the document, the navigation and the styles.
 */
public interface Page {

    /** The page's path segment and, in the export, its section id: lower-case letters only. */
    String id();

    /** The heading and the navigation label. */
    String title();

    /** Appends the page's content (below its heading). */
    void body(StringBuilder out, Snapshot snapshot, Links links);

    /** Styles only this page needs, added to the site's. */
    default String css() {
        return "";
    }

    /**
     * An inline script only this page needs, or empty. Scripts only improve a page (filter, search,
     * a selected graph node): every table must read the same without them.
     */
    default String script() {
        return "";
    }
}
