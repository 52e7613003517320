package io.strata.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanFileTest {

    @TempDir
    Path tmp;

    static Plan plan() {
        Change create = new Change("storage", Action.CREATE, "migrations/0012_add_customer_segment.sql",
                "apply migration (2 statements, in one transaction)", "ALTER TABLE t ADD COLUMN s text;\n",
                false, false, Map.of("version", "12", "checksum", "abc", "transactional", "true"));
        Change drop = new Change("storage", Action.DROP, "migrations/0013_drop.sql", "drops table t", "DROP TABLE t;",
                true, false, Map.of());
        return new Plan(PlanFile.FORMAT_VERSION, "0.1.0", "dev", "0123456789abcdef", "2026-11-26T00:00:00Z",
                List.of(new LayerPlan("storage", "sha256:live", List.of(create, drop), List.of("a warning"))));
    }

    @Test
    void roundTripsExactly() {
        Path file = tmp.resolve("plans/plan.json");
        Plan plan = plan();
        PlanFile.write(plan, file);
        Plan read = PlanFile.read(file);
        assertThat(read).isEqualTo(plan);
        assertThat(read.hash()).isEqualTo(plan.hash());
    }

    @Test
    void destructiveImpliesUnsafe() {
        assertThat(plan().unsafeChanges()).extracting(Change::object).containsExactly("migrations/0013_drop.sql");
    }

    @Test
    void theJsonFieldsAreTheDocumentedContract() throws Exception {
        JsonNode json = new ObjectMapper().readTree(PlanFile.toJson(plan()));
        assertThat(json.get("format_version").asInt()).isEqualTo(1);
        assertThat(json.get("environment").asText()).isEqualTo("dev");
        assertThat(json.get("git_commit").asText()).isEqualTo("0123456789abcdef");
        assertThat(json.get("plan_hash").asText()).startsWith("sha256:");
        assertThat(json.at("/summary/create").asInt()).isEqualTo(1);
        assertThat(json.at("/summary/drop").asInt()).isEqualTo(1);
        assertThat(json.at("/summary/unsafe").asInt()).isEqualTo(1);
        JsonNode change = json.at("/layers/0/changes/0");
        assertThat(change.get("symbol").asText()).isEqualTo("+");
        assertThat(change.get("action").asText()).isEqualTo("create");
        assertThat(change.get("body").asText()).isEqualTo("ALTER TABLE t ADD COLUMN s text;\n");
        List<String> keys = new java.util.ArrayList<>();
        change.get("attributes").fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("checksum", "transactional", "version");
        assertThat(json.at("/layers/0/fingerprint").asText()).isEqualTo("sha256:live");
    }

    @Test
    void theHashIgnoresWhenAndWhereButNotWhat() {
        Plan plan = plan();
        Plan later = new Plan(1, "0.2.0", "dev", "fedcba", "2027-01-01T00:00:00Z", plan.layers());
        assertThat(later.hash()).isEqualTo(plan.hash());
        Plan otherEnv = new Plan(1, "0.1.0", "prod", plan.gitCommit(), plan.createdAt(), plan.layers());
        assertThat(otherEnv.hash()).isNotEqualTo(plan.hash());
        Plan otherLive = new Plan(1, "0.1.0", "dev", plan.gitCommit(), plan.createdAt(),
                List.of(new LayerPlan("storage", "sha256:moved", plan.changes(), List.of())));
        assertThat(otherLive.hash()).isNotEqualTo(plan.hash());
    }

    @Test
    void anEditedFileIsRefused() throws Exception {
        Path file = tmp.resolve("plan.json");
        PlanFile.write(plan(), file);
        Files.writeString(file, Files.readString(file).replace("DROP TABLE t;", "DROP TABLE important;"));
        assertThatThrownBy(() -> PlanFile.read(file)).hasMessageContaining("was modified after it was written");
    }

    @Test
    void anotherFormatVersionOrNotAPlanIsRefused() throws Exception {
        Path file = tmp.resolve("plan.json");
        PlanFile.write(plan(), file);
        Files.writeString(file, Files.readString(file).replace("\"format_version\" : 1", "\"format_version\" : 7"));
        assertThatThrownBy(() -> PlanFile.read(file)).hasMessageContaining("has format version 7; this Strata reads version 1");
        Files.writeString(file, "{\"hello\": 1}");
        assertThatThrownBy(() -> PlanFile.read(file)).hasMessageContaining("is not a Strata plan: missing field `format_version`");
        Files.writeString(file, "not json");
        assertThatThrownBy(() -> PlanFile.read(file)).hasMessageContaining("cannot read plan file");
    }
}
