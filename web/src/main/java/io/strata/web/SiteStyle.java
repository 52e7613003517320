package io.strata.web;

/** The styles every page shares; a page adds its own through {@link Page#css()}. */
final class SiteStyle {

    private SiteStyle() {}

    // Colours keep at least 4.5:1 contrast with their background (WCAG AA for body text).
    static final String CSS = """
            body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1a1a1a;
                   background: #fff; margin: 0 auto; max-width: 72rem; padding: 0 1rem 2rem; }
            .skip { position: absolute; left: -999px; }
            .skip:focus { left: 1rem; top: 1rem; background: #fff; color: #0b4f9c; padding: .5rem; z-index: 1; }
            a { color: #0b4f9c; }
            a:focus, button:focus, input:focus, select:focus, textarea:focus, summary:focus, [tabindex]:focus {
              outline: 3px solid #0b4f9c; outline-offset: 2px; }
            .keys { margin: 0 0 .6rem; font-size: 13px; }
            .keys ul { margin: .3rem 0; padding-left: 1.2rem; }
            .keys p { margin: .2rem 0; }
            kbd { font: 12px ui-monospace, Menlo, Consolas, monospace; border: 1px solid #8a8a8a; border-radius: .2rem;
                  padding: 0 .25rem; background: #f7f7f7; }
            header { border-bottom: 2px solid #d0d0d0; }
            nav ul { list-style: none; padding: 0; display: flex; gap: 1rem; flex-wrap: wrap; }
            nav a[aria-current] { font-weight: 700; text-decoration: none; border-bottom: 3px solid #0b4f9c; }
            h2 { border-bottom: 1px solid #d0d0d0; padding-bottom: .2rem; margin-top: 2rem; }
            code { font: 13px ui-monospace, Menlo, Consolas, monospace; background: #f2f2f2; padding: 0 .2rem;
                   overflow-wrap: break-word; }
            table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
            caption { text-align: left; font-weight: 600; padding: .3rem 0; }
            th, td { border: 1px solid #c8c8c8; padding: .35rem .5rem; text-align: left; vertical-align: top;
                     overflow-wrap: break-word; }
            thead th { background: #ececec; }
            tbody th { font-weight: 600; }
            td ul { margin: .2rem 0; padding-left: 1.2rem; }
            tr.drift { background: #fdecea; }
            tr.pending { background: #fff6db; }
            .badge { display: inline-block; border-radius: .3rem; padding: 0 .45rem; font-weight: 600;
                     border: 1px solid currentColor; }
            .badge.in-sync { color: #185c2b; background: #e6f4ea; }
            .badge.pending { color: #6b4a00; background: #fff6db; }
            .badge.drift { color: #8a1c12; background: #fdecea; }
            @media print {
              body { font-size: 10pt; max-width: none; padding: 0; }
              .skip, nav, .keys { display: none; }
              a { color: inherit; text-decoration: none; }
              section { break-inside: avoid-page; }
              tr { break-inside: avoid; }
              tr.drift, tr.pending, .badge { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            }
            """;
}
