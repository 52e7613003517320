package io.strata.access.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.access.audit.AuditReport.Source;
import io.strata.core.journal.JournalEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Who could read marts.customers on date D?" over a history where bob's access is granted,
 * removed, and granted again through a group: the answer for a date in each window comes from the
 * commit in force then, and the journal says when that spec reached the database.
 */
class WhoCanHistoryTest {

    @TempDir
    Path repo;

    private static final String BASE = """
            roles:
              analyst:
                grants:
                  schemas: {marts: [USAGE]}
                  tables: {marts.*: [SELECT]}
              alice:
                login: true
                member_of: [analyst]
              carol:
                login: true
                inherit: false
                member_of: [analyst]
              bob:
                login: true
            """;

    @Test
    void answersFromTheCommitInForceAtEachDate() throws Exception {
        Path platform = repo.resolve("platform");
        Files.createDirectories(platform.resolve("access"));
        List<String> commits = new ArrayList<>();
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            commits.add(commit(git, platform, BASE, "2026-01-10T09:00:00Z", "the analytics team"));
            commits.add(commit(git, platform, BASE + "    grants: {tables: {marts.customers: [SELECT]}}\n",
                    "2026-02-10T09:00:00Z", "bob reads customers for the churn study"));
            commits.add(commit(git, platform, BASE, "2026-03-10T09:00:00Z", "churn study over: remove bob"));
            commits.add(commit(git, platform, BASE.replace("  bob:\n    login: true\n",
                    "  bob:\n    login: true\n    member_of: [analyst]\n"), "2026-04-10T09:00:00Z", "bob joins analytics"));
        }
        List<JournalEntry> journal = List.of(
                apply(commits.get(3), "2026-04-11T08:00:00Z", JournalEntry.Outcome.SUCCEEDED),
                apply(commits.get(1), "2026-02-13T08:00:00Z", JournalEntry.Outcome.SUCCEEDED),
                apply(commits.get(1), "2026-02-12T08:00:00Z", JournalEntry.Outcome.FAILED),
                apply(commits.get(0), "2026-01-11T08:00:00Z", JournalEntry.Outcome.SUCCEEDED));

        try (SpecHistory history = SpecHistory.open(platform, "postgresql")) {
            assertThat(history.inForceAt(Instant.parse("2026-01-05T00:00:00Z"))).isEmpty();

            List<String> january = whoCan(history, journal, "2026-01-20T00:00:00Z");
            assertThat(january).anyMatch(l -> l.startsWith("  alice (login)  via analyst"))
                    .anyMatch(l -> l.startsWith("  carol (login)  via analyst (after SET ROLE: NOINHERIT)"))
                    .anyMatch(l -> l.startsWith("  analyst (group)  directly"))
                    .noneMatch(l -> l.startsWith("  bob"))
                    .contains("  applied to dev on 2026-01-11T08:05:00Z by ops@ci (commit " + commits.get(0).substring(0, 12) + ")");

            List<String> february = whoCan(history, journal, "2026-02-20T00:00:00Z");
            assertThat(february).anyMatch(l -> l.startsWith("  bob (login)  directly  [bob: SELECT on marts.customers"))
                    .anyMatch(l -> l.contains("bob reads customers for the churn study"))
                    .contains("  applied to dev on 2026-02-13T08:05:00Z by ops@ci (commit " + commits.get(1).substring(0, 12) + ")");

            List<String> march = whoCan(history, journal, "2026-03-20T00:00:00Z");
            assertThat(march).noneMatch(l -> l.startsWith("  bob"))
                    .contains("  not applied to dev since it was committed, according to the journal")
                    .contains("  ! the database then had the spec of commit " + commits.get(1).substring(0, 12)
                            + " (applied on 2026-02-13T08:05:00Z), not this one")
                    .contains("  + bob held it in the database (commit " + commits.get(1).substring(0, 12)
                            + " was the last applied)");

            List<String> april = whoCan(history, journal, "2026-04-20T00:00:00Z");
            assertThat(april).anyMatch(l -> l.startsWith("  bob (login)  via analyst"));

            SpecVersion now = history.inForceAt(Instant.parse("2026-05-01T00:00:00Z")).orElseThrow();
            assertThat(AuditReport.explain(now.spec(), new Source("commit", Optional.of(now)), "bob", List.of()))
                    .anyMatch(l -> l.startsWith("  SELECT on every table in marts (now and future)  via analyst"))
                    .anyMatch(l -> l.startsWith("  USAGE on schema marts  via analyst"));
        }
    }

    private static List<String> whoCan(SpecHistory history, List<JournalEntry> journal, String at) {
        SpecVersion version = history.inForceAt(Instant.parse(at)).orElseThrow();
        Timeline timeline = Timeline.of(version, Instant.parse(at), journal, "dev", history);
        List<String> lines = new ArrayList<>(AuditReport.whoCan(version.spec(),
                new Source("commit " + version.shortCommit(), Optional.of(version)), "select", "marts.customers",
                AuditReport.applied(timeline, "dev")));
        lines.addAll(AuditReport.appliedDifference(timeline, "select", "marts.customers"));
        return lines;
    }

    private static String commit(Git git, Path platform, String spec, String when, String message) throws Exception {
        Files.writeString(platform.resolve("access/team.yaml"), spec);
        Files.writeString(platform.resolve("strata.yaml"), "name: p\n");
        git.add().addFilepattern(".").call();
        PersonIdent who = new PersonIdent("Dana", "dana@example.com", Instant.parse(when), ZoneOffset.UTC);
        return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call().name();
    }

    private static JournalEntry apply(String commit, String at, JournalEntry.Outcome outcome) {
        Instant started = Instant.parse(at);
        return new JournalEntry("apply", "dev", started, started.plusSeconds(300), "ops@ci", commit, "h",
                List.of(), outcome, outcome == JournalEntry.Outcome.FAILED ? "boom" : null);
    }

    @Test
    void objectsAreParsedLikeTheSpecWritesThem() {
        assertThat(ObjectArgument.parse("marts.customers").display()).isEqualTo("marts.customers");
        assertThat(ObjectArgument.parse("schema:marts").display()).isEqualTo("schema marts");
        assertThat(ObjectArgument.parse("database").display()).isEqualTo("database");
        assertThat(ObjectArgument.parse("function:marts.score(int)").display()).isEqualTo("function marts.score(integer)");
        assertThat(ObjectArgument.parse("\"Sales.EU\".orders").display()).isEqualTo("\"Sales.EU\".orders");
        assertThat(Map.of()).isEmpty();
    }
}
