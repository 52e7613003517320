package io.strata.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.orchestration.lineage.Declaration;
import io.strata.orchestration.lineage.LineageGraph;
import io.strata.orchestration.lineage.ObservedRun;
import io.strata.orchestration.lineage.RunHistory;
import io.strata.orchestration.lineage.TableNames;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The four lineage views on one graph with every kind of edge and hostile table names: quotes,
 * brackets, semicolons, backslashes, arrows, newlines, a Mermaid keyword, an emoji.
 */
class LineageViewTest {

    private static final Instant T = Instant.parse("2026-11-26T03:00:00Z");
    private static final String HOSTILE_READ = "raw.we\"ird [x]; end";
    private static final String HOSTILE_WRITE = "marts.a\"]-->b\\n#c\nnext 🎉";

    /** customers in sync; orders with an undeclared write and an untouched declared read; billing never ran; adhoc undeclared. */
    static LineageGraph graph() {
        List<Declaration> declared = List.of(
                new Declaration("customers", List.of("customers-nightly"), Set.of("raw.customers"), Set.of("marts.customers")),
                new Declaration("orders", List.of("orders-nightly"), Set.of("raw.orders", "raw.payments"),
                        Set.of("marts.orders")),
                new Declaration("billing", List.of("billing-nightly"), Set.of("raw.invoices"), Set.of(HOSTILE_WRITE)));
        ObservedRun customers = new ObservedRun("r-c", "succeeded", T, T.plusSeconds(4), Map.of("raw.customers", 5L),
                Map.of("marts.customers", 5L));
        ObservedRun orders = new ObservedRun("r-o", "succeeded", T, T.plusSeconds(9), Map.of("raw.orders", 3L),
                Map.of("marts.orders", 3L, "marts.order_audit", 3L));
        ObservedRun adhoc = new ObservedRun("r-a", "succeeded", T, T.plusSeconds(1), Map.of(HOSTILE_READ, 1L),
                Map.of("end", 1L));
        return LineageGraph.build(declared, new RunHistory(new TableNames("public", false), Map.of(
                "customers", new RunHistory.PipelineRuns("customers", customers, List.of(customers)),
                "orders", new RunHistory.PipelineRuns("orders", orders, List.of(orders)),
                "adhoc", new RunHistory.PipelineRuns("adhoc", adhoc, List.of(adhoc))), 1));
    }

    private static String render(LineageFormat format) {
        return LineageView.of(format).render(graph(), "dev");
    }

    @Test
    void textShowsTableToPipelineToTableAndEveryDifference() {
        assertThat(render(LineageFormat.TEXT)).isEqualTo("""
                Lineage of environment dev: what k8s/ declares against the latest successful run of each pipeline

                adhoc  undeclared  (no CronJob in k8s/ runs it; run r-a succeeded at 2026-11-26T03:00:01Z)
                  raw.we"ird [x]; end → adhoc → public.end
                  ! reads  raw.we"ird [x]; end: read by the run, not declared
                  ! writes public.end: written by the run, not declared

                billing  never ran  (CronJob billing-nightly; no successful run)
                  raw.invoices → billing → %s

                customers  in sync  (CronJob customers-nightly; run r-c succeeded at 2026-11-26T03:00:04Z)
                  raw.customers → customers → marts.customers

                orders  2 mismatches  (CronJob orders-nightly; run r-o succeeded at 2026-11-26T03:00:09Z)
                  raw.orders, raw.payments → orders → marts.order_audit, marts.orders
                  ! reads  raw.payments: declared, not read by the run
                  ! writes marts.order_audit: written by the run, not declared

                4 pipelines, 10 tables: 1 in sync, 1 with mismatches (4), 1 never ran, 1 undeclared.
                """.formatted(HOSTILE_WRITE.replace("\n", "\\n")));
    }

    private static final Pattern MERMAID_LINE = Pattern.compile(String.join("|",
            "flowchart LR",
            "  t\\d+\\[\"[^\"#]*(#\\d+;[^\"#]*)*\"]",
            "  p\\d+\\(\\[\"[^\"#]*(#\\d+;[^\"#]*)*\"]\\):::(in_sync|mismatch|never_ran|undeclared)",
            "  [tp]\\d+ (-->|-\\.->|==>\\|not declared\\||-\\.->\\|declared only\\|) [tp]\\d+",
            "  classDef (in_sync|mismatch|never_ran|undeclared) fill:#[0-9a-f]{6},stroke:#[0-9a-f]{6}"));

    @Test
    void mermaidKeepsEveryNameInsideItsLabel() {
        String mermaid = render(LineageFormat.MERMAID);
        // Every line is one of five shapes; a label holds no quote and no '#' outside an entity code.
        assertThat(mermaid.lines()).allSatisfy(line -> assertThat(line).matches(MERMAID_LINE));
        assertThat(mermaid).contains("[\"raw.we#34;ird #91;x#93;#59; end\"]",
                "[\"marts.a#34;#93;--#62;b#92;n#35;c#10;next #127881;\"]",
                "[\"public.end\"]",
                "(\"orders #40;mismatch#41;\"]):::mismatch".replace("(\"", "([\""),
                " ==>|not declared| ", " -.->|declared only| ");
    }

    @Test
    void dotIsValidGraphvizWithTheNamesIntact() throws Exception {
        String dot = render(LineageFormat.DOT);
        assertThat(dot).startsWith("digraph lineage {\n").endsWith("}\n")
                .contains("[shape=box, label=\"raw.we\\\"ird [x]; end\"]",
                        "[shape=box, label=\"marts.a\\\"]-->b\\\\n#c\\nnext 🎉\"]",
                        "[style=bold, color=\"#dc2626\", label=\"not declared\"]",
                        "[style=dashed, color=\"#b45309\", label=\"declared only\"]");
        Assumptions.assumeTrue(onPath("dot"), "Graphviz `dot` is not installed: its own parse is skipped");
        Path in = Files.createTempFile("lineage", ".dot");
        try {
            Files.writeString(in, dot);
            Process p = new ProcessBuilder("dot", "-Tsvg", in.toString()).redirectErrorStream(true).start();
            String svg = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(svg).isZero();
            assertThat(svg).doesNotContain("Warning", "Error")
                    .contains(">raw.we&quot;ird [x]; end<", ">marts.a&quot;]&#45;&#45;&gt;b\\n#c<", ">next 🎉<");
        } finally {
            Files.deleteIfExists(in);
        }
    }

    @Test
    void jsonHasNodesEdgesWithTheirFlagsAndMismatches() throws IOException {
        JsonNode json = new ObjectMapper().readTree(render(LineageFormat.JSON));
        assertThat(json.get("format_version").asInt()).isEqualTo(1);
        assertThat(json.get("runs_considered").asInt()).isEqualTo(1);
        assertThat(json.get("nodes")).hasSize(14);
        assertThat(json.at("/nodes/0/id").asText()).isEqualTo("table:" + HOSTILE_WRITE);
        JsonNode orders = json.get("nodes").get(13);
        assertThat(orders.get("id").asText()).isEqualTo("pipeline:orders");
        assertThat(orders.get("state").asText()).isEqualTo("mismatch");
        assertThat(orders.at("/latest_run/run_id").asText()).isEqualTo("r-o");
        assertThat(orders.at("/observed_runs/0/ended_at").asText()).isEqualTo("2026-11-26T03:00:09Z");
        assertThat(json.get("nodes").get(11).get("latest_run").isNull()).isTrue();
        assertThat(json.get("edges")).anySatisfy(e -> {
            assertThat(e.get("from").asText()).isEqualTo("pipeline:orders");
            assertThat(e.get("to").asText()).isEqualTo("table:marts.order_audit");
            assertThat(e.get("declared").asBoolean()).isFalse();
            assertThat(e.get("observed").asBoolean()).isTrue();
            assertThat(e.get("mismatch").asBoolean()).isTrue();
            assertThat(e.get("rows").asLong()).isEqualTo(3);
        });
        assertThat(json.get("edges")).anySatisfy(e -> {
            assertThat(e.get("pipeline").asText()).isEqualTo("billing");
            assertThat(e.get("mismatch").asBoolean()).isFalse();
            assertThat(e.get("rows").isNull()).isTrue();
        });
        assertThat(json.get("mismatches")).extracting(m -> m.get("pipeline").asText() + " " + m.get("direction").asText()
                + " " + m.get("table").asText() + " " + m.get("kind").asText()).containsExactly(
                "adhoc read " + HOSTILE_READ + " observed_not_declared",
                "adhoc write public.end observed_not_declared",
                "orders read raw.payments declared_not_observed",
                "orders write marts.order_audit observed_not_declared");
        assertThat(json.get("summary").toString()).isEqualTo("{\"pipelines\":4,\"tables\":10,\"in_sync\":1,"
                + "\"mismatch\":1,\"never_ran\":1,\"undeclared\":1,\"mismatches\":4}");
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
