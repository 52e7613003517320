package io.strata.web;

import io.strata.orchestration.lineage.Direction;
import io.strata.orchestration.lineage.Edge;
import java.util.Comparator;
import java.util.List;

/**
 * Table → pipeline → table as a graph: what the CronJobs declare and what the runs read and wrote,
 * laid out server-side ({@link GraphLayout}) so the exported file needs no script to draw it.
 * Below the graph, every node's details; the script only selects a node and hides the others.
 */
final class LineagePage implements Page {

    static final String ID = "lineage";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Lineage";
    }

    @Override
    public void body(StringBuilder out, Snapshot s, Links links) {
        if (s.lineage().pipelines().isEmpty()) {
            out.append("<p>No pipeline is declared in <code>k8s/</code> and none has run.</p>\n");
            return;
        }
        LineageView view = LineageView.of(s);
        out.append("<p>").append(view.pipelines().size()).append(" pipeline(s), ").append(view.tables().size())
                .append(" table(s), from the CronJobs' <code>strata.io/reads</code> and <code>strata.io/writes</code>")
                .append(" annotations and the latest successful run(s) of each pipeline.</p>\n");
        List<Edge> mismatches = view.mismatches().stream()
                .sorted(Comparator.comparing(Edge::pipeline).thenComparing(Edge::direction).thenComparing(Edge::table))
                .toList();
        out.append(mismatches.isEmpty()
                ? "<p>Every pipeline that ran read and wrote the tables its CronJobs declare.</p>\n"
                : "<p><strong>" + mismatches.size() + " mismatch(es)</strong> between the CronJobs and the runs,"
                        + " listed below the graph.</p>\n");
        out.append("<figure class=\"lineage-figure\">\n");
        LineageSvg.write(out, view, LineageSvg.layout(view));
        out.append("<figcaption>Square boxes are tables, round ones pipelines. Arrows run from a table to the")
                .append(" pipelines that read it and from a pipeline to the tables it writes; dashed red arrows and")
                .append(" boxes marked <q>mismatch</q> are where the CronJobs and the runs differ. Select a node for")
                .append(" its details.</figcaption>\n</figure>\n");
        mismatches(out, mismatches);
        out.append("<p class=\"lineage-all\" hidden><button type=\"button\" aria-pressed=\"false\">")
                .append("Show every node's details</button></p>\n<div class=\"lineage-details\">\n");
        view.pipelines().forEach(p -> LineageDetails.pipeline(out, view, p));
        view.tables().forEach(t -> LineageDetails.table(out, view, t));
        out.append("</div>\n");
    }

    private static void mismatches(StringBuilder out, List<Edge> edges) {
        if (edges.isEmpty()) {
            return;
        }
        out.append("<h3>Mismatches</h3>\n<ul class=\"lineage-mismatches\">\n");
        for (Edge e : edges) {
            out.append("<li class=\"mismatch\"><a href=\"#").append(Html.id("details-pipeline", e.pipeline()))
                    .append("\"><code>").append(Html.esc(e.pipeline())).append("</code></a>")
                    .append(e.direction() == Direction.READ ? " reads " : " writes ").append("<a href=\"#")
                    .append(Html.id("details-table", e.table())).append("\"><code>").append(Html.esc(e.table()))
                    .append("</code></a>: ").append(LineageView.mismatchWords(e)).append("</li>\n");
        }
        out.append("</ul>\n");
    }

    @Override
    public String css() {
        return """
                #lineage .lineage-figure { margin: 1rem 0; overflow: auto; max-height: 85vh; }
                #lineage-graph { display: block; }
                #lineage-graph .node rect { fill: #f4f7fb; stroke: #4a5a70; stroke-width: 1.2; }
                #lineage-graph .node-pipeline rect { fill: #e8f0fb; stroke: #0b4f9c; stroke-width: 1.6; }
                #lineage-graph .node.mismatch rect { fill: #fdecea; stroke: #8a1c12; stroke-width: 2; stroke-dasharray: 5 3; }
                #lineage-graph text { font: 12px ui-monospace, Menlo, Consolas, monospace; fill: #1a1a1a; }
                #lineage-graph text.kind { font-size: 10px; fill: #4a4a4a; }
                #lineage-graph .node.mismatch text.kind { fill: #8a1c12; font-weight: 700; }
                #lineage-graph .node { cursor: pointer; }
                #lineage-graph .node:focus { outline: none; }
                #lineage-graph .node:focus rect, #lineage-graph .node.selected rect { stroke: #0b4f9c; stroke-width: 3.5; }
                #lineage-graph .edge .line { fill: none; stroke: #6a6a6a; stroke-width: 1.3; }
                #lineage-graph .edge .head { fill: #6a6a6a; }
                #lineage-graph .edge.unobserved .line, #lineage-graph .edge.undeclared .line { stroke-dasharray: 4 3; }
                #lineage-graph .edge.mismatch .line { stroke: #b3261e; stroke-width: 2; stroke-dasharray: 6 3; }
                #lineage-graph .edge.mismatch .head { fill: #b3261e; }
                #lineage-graph .edge.active .line { stroke: #0b4f9c; stroke-width: 3; }
                #lineage-graph .edge.active .head { fill: #0b4f9c; }
                #lineage-graph .edge.mismatch.active .line { stroke: #8a1c12; }
                #lineage-graph .edge.mismatch.active .head { fill: #8a1c12; }
                #lineage .lineage-mismatches li, #lineage .details li.mismatch { color: #8a1c12; }
                #lineage .details { border: 1px solid #c8c8c8; border-radius: .3rem; padding: 0 .8rem; margin: .6rem 0; }
                #lineage .details.mismatch { border-color: #8a1c12; }
                #lineage .details.selected { border: 2px solid #0b4f9c; }
                #lineage .details dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
                #lineage .details dt { font-weight: 600; }
                #lineage .details dd { margin: 0; }
                #lineage .details dd ul { margin: 0; padding-left: 1.2rem; }
                #lineage.lineage-js .details:not(.selected) { display: none; }
                #lineage.lineage-js.lineage-every .details { display: block; }
                @media print {
                  #lineage .lineage-figure { overflow: visible; max-height: none; }
                  #lineage-graph { width: 100%; max-width: 100%; height: auto; }
                  #lineage .lineage-all { display: none; }
                  #lineage.lineage-js .details { display: block !important; }
                  #lineage .details { break-inside: avoid; }
                  #lineage-graph .node rect, #lineage-graph .edge { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
                }
                """;
    }

    /**
     * Selects a node on click, Enter or Space: its edges are highlighted and only its details shown
     * (a button shows them all again). Links to a details block (#details-...) select its node too,
     * so do the page's address and the links of the other pages.
     */
    @Override
    public String script() {
        return """
                (function () {
                  var root = document.getElementById('lineage');
                  var svg = root && root.querySelector('#lineage-graph');
                  if (!svg) { return; }
                  var nodes = Array.prototype.slice.call(svg.querySelectorAll('g.node'));
                  var details = Array.prototype.slice.call(root.querySelectorAll('.details'));
                  var edges = Array.prototype.slice.call(svg.querySelectorAll('.edge'));
                  var every = root.querySelector('.lineage-all');
                  root.classList.add('lineage-js');
                  if (every) {
                    every.hidden = false;
                    every.querySelector('button').addEventListener('click', function (e) {
                      var on = root.classList.toggle('lineage-every');
                      e.currentTarget.setAttribute('aria-pressed', on ? 'true' : 'false');
                    });
                  }
                  function select(node, scroll) {
                    var target = 'details-' + node.id.slice('node-'.length);
                    nodes.forEach(function (n) { n.classList.toggle('selected', n === node); });
                    edges.forEach(function (e) {
                      e.classList.toggle('active', e.getAttribute('data-source') === node.id
                          || e.getAttribute('data-target') === node.id);
                    });
                    details.forEach(function (d) { d.classList.toggle('selected', d.id === target); });
                    var shown = document.getElementById(target);
                    if (shown && scroll) { shown.scrollIntoView({block: 'nearest'}); }
                  }
                  function fromDetails(id) {
                    return id && id.indexOf('details-') === 0 ? document.getElementById('node-' + id.slice('details-'.length)) : null;
                  }
                  nodes.forEach(function (node) {
                    node.addEventListener('click', function (e) { e.preventDefault(); select(node, true); });
                    node.addEventListener('keydown', function (e) {
                      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); select(node, true); }
                    });
                  });
                  root.addEventListener('click', function (e) {
                    var link = e.target.closest && e.target.closest('a[href^="#details-"]');
                    if (!link || svg.contains(link)) { return; }
                    var node = fromDetails(link.getAttribute('href').slice(1));
                    if (node) {
                      e.preventDefault();
                      select(node, false);
                      document.getElementById(link.getAttribute('href').slice(1)).focus();
                    }
                  });
                  var initial = fromDetails(decodeURIComponent(location.hash.slice(1)));
                  if (initial && svg.contains(initial)) { select(initial, true); }
                })();
                """;
    }
}
