package io.strata.access.postgres;

import static io.strata.access.postgres.ConvergenceScenario.ROLES;
import static io.strata.access.testing.AccessHarness.lines;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.access.postgres.ConvergenceScenario.Atom;
import io.strata.access.postgres.ConvergenceScenario.Target;
import io.strata.access.testing.AccessHarness;
import io.strata.access.testing.PgServer;
import io.strata.core.plan.LayerPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * For random specs and random live states (roles with random attributes, memberships, grants with
 * and without grant option, some made by other grantors, default privileges, PUBLIC), one apply of
 * the plan converges: the next plan is empty. On the real server, as the non-superuser executor.
 */
class ConvergencePropertyTest {

    private static PgServer db;

    @BeforeContainer
    static void start() {
        db = PgServer.start();
        db.executor("CREATE SCHEMA s0", "CREATE SCHEMA \"S 1\"", "CREATE TABLE s0.t0 (id int)",
                "CREATE TABLE s0.t1 (id int PRIMARY KEY)", "CREATE TABLE \"S 1\".\"T;0\" (id int)",
                "CREATE SEQUENCE s0.q", "CREATE FUNCTION \"S 1\".f(x integer) RETURNS integer LANGUAGE sql AS 'SELECT x'");
    }

    @AfterContainer
    static void stop() {
        db.close();
    }

    @Provide
    Arbitrary<ConvergenceScenario> scenarios() {
        Arbitrary<List<Integer>> small = Arbitraries.integers().between(0, 15).list().ofMaxSize(5);
        Arbitrary<List<Integer>> atoms = Arbitraries.integers().between(0, 5_000).list().ofMaxSize(14);
        Arbitrary<List<Integer>> memberships = Arbitraries.integers().between(0, 15).list().ofMaxSize(6);
        Arbitrary<List<Integer>> defaults = Arbitraries.integers().between(0, 5_000).list().ofMaxSize(4);
        Arbitrary<List<Integer>> chains = Arbitraries.integers().between(0, 2_000).list().ofMaxSize(3);
        Arbitrary<List<List<Integer>>> lists = Combinators.combine(
                List.of(small, small, memberships, atoms, chains, defaults, small, small, memberships, atoms)).as(l -> l);
        return Combinators.combine(lists, Arbitraries.of(true, false)).as((l, specPublic) -> new ConvergenceScenario(
                l.get(0), l.get(1), l.get(2), l.get(3), l.get(4), l.get(5), l.get(6), l.get(7), l.get(8), l.get(9),
                specPublic));
    }

    // A fixed seed keeps CI deterministic; drop it to explore new scenarios locally. Random runs
    // found two real bugs, both fixed: a grant option kept through a membership stopping the
    // cascade (PostgresGrantOptionCycleTest), and a grantor without USAGE on the schema unable to
    // revoke as itself (this seed reaches it at its 6th try).
    @Property(tries = 60, seed = "-4013817279960488073")
    void oneApplyConverges(@ForAll("scenarios") ConvergenceScenario scenario) throws IOException {
        reset();
        Set<Integer> live = liveState(scenario);
        Path root = Files.createTempDirectory("strata-property");
        try {
            AccessHarness access = AccessHarness.postgres(db, root).spec("spec.yaml", scenario.spec(db.prefix()));
            LayerPlan plan = access.plan();
            Statistics.label("planned changes").collect(plan.changes().size() == 0 ? "0"
                    : plan.changes().size() < 5 ? "1-4" : plan.changes().size() < 15 ? "5-14" : "15+");
            Statistics.label("revokes made as another grantor")
                    .collect(plan.changes().stream().anyMatch(c -> c.body().startsWith("SET ROLE")));
            access.apply(plan);
            LayerPlan after = access.plan();
            assertThat(lines(after)).as("live roles %s\nspec:\n%s\nfirst plan: %s", live, scenario.spec(db.prefix()),
                    lines(plan)).isEmpty();
        } finally {
            deleteTree(root);
        }
    }

    private static Set<Integer> liveState(ConvergenceScenario s) {
        String p = db.prefix();
        Set<Integer> roles = new HashSet<>();
        s.liveRoles().forEach(r -> roles.add(Math.floorMod(r, ROLES)));
        List<String> sql = new ArrayList<>();
        for (int r : roles) {
            int a = s.liveAttributes().isEmpty() ? 0 : s.liveAttributes().get(r % s.liveAttributes().size());
            sql.add("CREATE ROLE " + ConvergenceScenario.ident(p, r) + ((a & 1) == 1 ? " LOGIN" : "")
                    + ((a & 2) == 2 ? " NOINHERIT" : "") + ((a & 4) == 4 ? " CONNECTION LIMIT 7" : ""));
            if ((a & 8) == 8) {
                sql.add("COMMENT ON ROLE " + ConvergenceScenario.ident(p, r) + " IS 'by hand'");
            }
            // So that the executor can revoke, as them, what these roles granted on.
            sql.add("GRANT " + ConvergenceScenario.ident(p, r) + " TO " + db.executor());
        }
        for (int m : s.liveMemberships()) {
            int group = Math.floorMod(m, ROLES);
            int member = Math.floorMod(m / ROLES, ROLES);
            if (group < member && roles.contains(group) && roles.contains(member)) {
                sql.add("GRANT " + ConvergenceScenario.ident(p, group) + " TO " + ConvergenceScenario.ident(p, member));
            }
        }
        db.admin(sql.toArray(String[]::new));
        sql.clear();
        // Who holds what with grant option so far: "role privilege object" -> can grant it on.
        List<String[]> withOption = new ArrayList<>();
        for (int n : s.liveGrants()) {
            Atom a = ConvergenceScenario.atom(n, ConvergenceScenario.TARGETS, true);
            if (a.grantee() != ROLES && !roles.contains(a.grantee())) {
                continue;
            }
            Target t = ConvergenceScenario.TARGETS.get(a.target());
            String on = t.sql().replace("%db", db.name());
            String grant = "GRANT " + a.privilege() + " ON " + on + " TO " + ConvergenceScenario.ident(p, a.grantee())
                    + (a.option() ? " WITH GRANT OPTION" : "");
            String grantor = a.grantor() < 0 ? null : withOption.stream()
                    .filter(w -> w[1].equals(a.privilege()) && w[2].equals(on) && !w[0].equals(String.valueOf(a.grantee())))
                    .map(w -> w[0]).findFirst().orElse(null);
            boolean granted = grantor != null && db.tryAdmin("SET ROLE " + ConvergenceScenario.ident(p, Integer.parseInt(grantor)),
                    grant, "RESET ROLE");
            if (granted) {
                Statistics.label("live grants made by another grantor").collect(true);
            } else {
                db.admin(grant);
            }
            if (a.option()) {
                withOption.add(new String[] {String.valueOf(a.grantee()), a.privilege(), on});
            }
        }
        for (int n : s.liveChains()) {
            ConvergenceScenario.Chain c = ConvergenceScenario.chain(n);
            if (!roles.contains(c.from()) || !roles.contains(c.to())) {
                continue;
            }
            String on = ConvergenceScenario.CHAIN_TARGETS.get(c.target()).sql().replace("%db", db.name());
            db.admin("GRANT " + c.privilege() + " ON " + on + " TO " + ConvergenceScenario.ident(p, c.from())
                    + " WITH GRANT OPTION", "GRANT USAGE ON SCHEMA s0 TO " + ConvergenceScenario.ident(p, c.from()));
            if (db.tryAdmin("SET ROLE " + ConvergenceScenario.ident(p, c.from()), "GRANT " + c.privilege() + " ON " + on
                    + " TO " + ConvergenceScenario.ident(p, c.to()) + (c.option() ? " WITH GRANT OPTION" : ""), "RESET ROLE")) {
                Statistics.label("live grants made by another grantor").collect(true);
            }
        }
        for (int n : s.liveDefaults()) {
            Atom a = ConvergenceScenario.atom(n, ConvergenceScenario.PATTERNS, false);
            if (!roles.contains(a.grantee())) {
                continue;
            }
            Target t = ConvergenceScenario.PATTERNS.get(a.target());
            sql.add("ALTER DEFAULT PRIVILEGES FOR ROLE " + db.executor() + " IN SCHEMA " + t.sql() + " GRANT "
                    + a.privilege() + " ON " + t.specKind().toUpperCase() + " TO " + ConvergenceScenario.ident(p, a.grantee()));
        }
        db.admin(sql.toArray(String[]::new));
        return roles;
    }

    /** Back to a database with no grants: roles dropped, PUBLIC's privileges as PostgreSQL creates them. */
    private static void reset() {
        List<String> sql = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        for (int r = 0; r < ROLES; r++) {
            String role = ConvergenceScenario.role(db.prefix(), r);
            if (!db.query("SELECT 1 FROM pg_roles WHERE rolname = '" + role.replace("'", "''") + "'").isEmpty()) {
                roles.add(ConvergenceScenario.ident(db.prefix(), r));
            }
        }
        if (!roles.isEmpty()) {
            // All at once: a role's grants to another role are that other role's privileges, which
            // only its own DROP OWNED revokes, so dropping one role at a time can trip on them.
            sql.add("DROP OWNED BY " + String.join(", ", roles) + " CASCADE");
            roles.forEach(role -> sql.add("DROP ROLE " + role));
        }
        sql.add("REVOKE ALL ON ALL TABLES IN SCHEMA s0, \"S 1\" FROM PUBLIC CASCADE");
        sql.add("REVOKE ALL ON ALL SEQUENCES IN SCHEMA s0 FROM PUBLIC CASCADE");
        sql.add("REVOKE ALL ON SCHEMA s0, \"S 1\" FROM PUBLIC CASCADE");
        sql.add("GRANT EXECUTE ON FUNCTION \"S 1\".f(integer) TO PUBLIC");
        sql.add("GRANT CONNECT, TEMPORARY ON DATABASE " + db.name() + " TO PUBLIC");
        sql.add("REVOKE CREATE ON DATABASE " + db.name() + " FROM PUBLIC");
        for (String schema : List.of("s0", "\"S 1\"")) {
            sql.add("ALTER DEFAULT PRIVILEGES FOR ROLE " + db.executor() + " IN SCHEMA " + schema
                    + " REVOKE ALL ON TABLES FROM PUBLIC");
            sql.add("ALTER DEFAULT PRIVILEGES FOR ROLE " + db.executor() + " IN SCHEMA " + schema
                    + " REVOKE ALL ON SEQUENCES FROM PUBLIC");
        }
        db.admin(sql.toArray(String[]::new));
    }

    private static void deleteTree(Path root) {
        try (var files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
