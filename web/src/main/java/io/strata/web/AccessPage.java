package io.strata.web;

import io.strata.access.AccessLayer;
import io.strata.access.model.AccessCatalog;
import io.strata.access.spec.AccessSpec;
import java.util.Optional;

/**
 * Who can do what, live: a role × object matrix of effective privileges (through memberships and
 * PUBLIC), each cell compared with what the spec declares; "who can" as a search and, without a
 * script, as a table; then the layer's differences per role.
 */
final class AccessPage implements Page {

    @Override
    public String id() {
        return "access";
    }

    @Override
    public String title() {
        return "Access";
    }

    @Override
    public void body(StringBuilder out, Snapshot s, Links links) {
        Fragments.status(out, s.layer(AccessLayer.NAME));
        Optional<AccessCatalog> live = s.live(AccessCatalog.class);
        Optional<AccessSpec> spec = s.desired(AccessSpec.class);
        if (live.isPresent() && spec.isPresent()) {
            AccessMatrixHtml html = new AccessMatrixHtml(new AccessMatrix(live.get(), spec.get()));
            out.append("""
                    <div class="who-can">
                    <label for="who-can">Who can read… (a table, optionally a privilege: \
                    <code>marts.customers</code>, <code>marts.customers INSERT</code>)</label>
                    <input id="who-can" type="search" autocomplete="off" spellcheck="false">
                    <div id="who-can-result" aria-live="polite"></div>
                    <noscript><p>The search needs JavaScript; the table <a href="#who-can-read">Who can read each \
                    table</a> below answers for SELECT without it.</p></noscript>
                    </div>
                    <p class="legend">Each cell lists the privileges the role can use: its own, its groups' \
                    (a member inherits them unless it is NOINHERIT: then “after SET ROLE”), and PUBLIC's. \
                    Cells marked <span class="drift-note">(extra: …; missing: …)</span> differ from what \
                    the spec declares. After a role: <em>login</em> (can log in), <em>superuser</em> \
                    (bypasses privileges), <em>not created</em> (declared, not live yet).</p>
                    """);
            html.write(out, links);
        }
        s.layer(AccessLayer.NAME).ifPresent(l ->
                Fragments.groups(out, l.status(), "Differences per role and object", "Role"));
    }

    @Override
    public String css() {
        return """
                .matrix-wrap { overflow: auto; max-height: 80vh; margin: .5rem 0 1rem; }
                .matrix-wrap:focus { outline: 3px solid #0b4f9c; outline-offset: 2px; }
                table.matrix { width: auto; }
                table.matrix td { white-space: nowrap; font-size: 13px; }
                #access-matrix tbody th { position: sticky; left: 0; background: #fff; z-index: 1; }
                table.matrix th[data-tags]::after { content: " (" attr(data-tags) ")"; font-weight: 400;
                    font-size: 12px; color: #4a4a4a; }
                table.matrix td.drift { background: #fdecea; }
                .drift-note { color: #8a1c12; font-weight: 600; }
                .who-can { margin: 1rem 0; }
                .who-can label { display: block; margin-bottom: .3rem; }
                #who-can { font: inherit; padding: .3rem .4rem; width: min(30rem, 100%); }
                #who-can:focus { outline: 3px solid #0b4f9c; outline-offset: 2px; }
                #who-can-result ul { margin: .2rem 0 .6rem; }
                @media print {
                  .matrix-wrap { overflow: visible; max-height: none; }
                  .who-can { display: none; }
                  table.matrix td.drift { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
                }
                """;
    }

    @Override
    public String script() {
        return AccessScript.JS;
    }
}
