package io.strata.web;

/**
 * Where a link to another page's element points: served, pages are paths ({@code /lineage#x});
 * exported, they are sections of one file ({@code #x}).
 */
public interface Links {

    /** The address of {@code anchor} (an element id, or null for the page's top) on the page {@code page}. */
    String to(String page, String anchor);

    /** Served: one page per path, the overview at {@code /}. */
    Links SERVED = (page, anchor) -> (page.equals(OverviewPage.ID) ? "/" : "/" + page)
            + (anchor == null ? "" : "#" + anchor);

    /** Exported: one file, a section per page. */
    Links EXPORTED = (page, anchor) -> "#" + (anchor == null ? page : anchor);
}
