package io.strata.storage.lint;

import static io.strata.storage.lint.Files.migration;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.storage.sql.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/lint/ has one page per code and only those; each page's example is reported exactly as
 * the page shows, and its ignore example silences it.
 */
class LintDocsTest {

    private static final Path DOCS = Path.of("..", "docs", "lint");
    private static final Pattern SQL_BLOCK = Pattern.compile("```sql\n(.*?)```", Pattern.DOTALL);
    private static final Pattern REPORT_BLOCK = Pattern.compile("`strata lint` reports:\n\n```\n(.*?)```", Pattern.DOTALL);

    static Stream<Rule> rules() {
        return LintRules.all().stream();
    }

    private static String read(Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }

    @Test
    void everyPageBelongsToACode() throws IOException {
        Set<String> codes = LintRules.all().stream().map(Rule::code).collect(Collectors.toSet());
        codes.addAll(LintRules.RETIRED);
        try (Stream<Path> files = java.nio.file.Files.list(DOCS)) {
            List<String> pages = files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("README.md"))
                    // CJ pages are the orchestration layer's CronJob lint, checked by its CronJobLintTest.
                    .filter(n -> !n.startsWith("CJ")).toList();
            assertThat(pages).allSatisfy(name -> assertThat(name).endsWith(".md")
                    .satisfies(n -> assertThat(codes).contains(n.substring(0, n.length() - 3))));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void everyCodeHasItsPage(Rule rule) {
        String page = read(DOCS.resolve(rule.code() + ".md"));
        assertThat(page).startsWith("# " + rule.code() + ": " + rule.title() + "\n");
        assertThat(page.lines().skip(4).findFirst().orElse("")).startsWith("| " + rule.severity().label() + " | "
                + (rule.dialects().size() == 1 ? "PostgreSQL |" : "PostgreSQL, MySQL/MariaDB |"));
        assertThat(page).contains("## What it detects", "## Example", "## Why it is risky", "## The safe alternative",
                "## Ignoring it");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void theExampleIsReportedAsShown(Rule rule) {
        String page = read(DOCS.resolve(rule.code() + ".md"));
        String example = section(page, "## Example");
        List<Finding> findings = lint(rule, firstBlock(SQL_BLOCK, example));
        List<String> shown = firstBlock(REPORT_BLOCK, example).lines().toList();
        assertThat(findings).filteredOn(f -> f.code().equals(rule.code())).isNotEmpty()
                .allSatisfy(f -> assertThat(f.suppressed()).isFalse())
                .extracting(Finding::oneLine).containsExactlyElementsOf(shown);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void theIgnoreExampleSilencesIt(Rule rule) {
        String ignoring = section(read(DOCS.resolve(rule.code() + ".md")), "## Ignoring it");
        if (!LintRules.ignorable().contains(rule.code())) {
            assertThat(ignoring).contains(rule.code() + " cannot be silenced");
            return;
        }
        List<Finding> findings = lint(rule, firstBlock(SQL_BLOCK, ignoring));
        assertThat(findings).isNotEmpty().allSatisfy(f -> {
            assertThat(f.code()).isEqualTo(rule.code());
            assertThat(f.suppressed()).isTrue();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void theIndexListsIt(Rule rule) {
        String dialects = rule.dialects().size() == 1 ? "PostgreSQL" : "PostgreSQL, MySQL/MariaDB";
        assertThat(read(DOCS.resolve("README.md"))).contains("| [" + rule.code() + "](" + rule.code() + ".md) | "
                + rule.title() + " | " + rule.severity().label() + " | " + dialects + " |\n");
    }

    private static List<Finding> lint(Rule rule, String sql) {
        Dialect dialect = rule.dialects().contains(Dialect.POSTGRESQL) ? Dialect.POSTGRESQL : Dialect.MYSQL;
        return Linter.lint(List.of(migration("0013_example.sql", sql)), dialect).findings();
    }

    private static String section(String page, String heading) {
        int start = page.indexOf(heading + "\n");
        assertThat(start).as(heading).isNotNegative();
        int end = page.indexOf("\n## ", start + heading.length());
        return page.substring(start, end < 0 ? page.length() : end);
    }

    private static String firstBlock(Pattern block, String text) {
        Matcher m = block.matcher(text);
        assertThat(m.find()).as("a code block in\n" + text).isTrue();
        return m.group(1);
    }
}
