package io.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example's CI workflow, run as GitHub's runner would run its pull-request job, so the example
 * cannot rot: the {@code run:} steps of {@code jobs.pull-request} of
 * {@code examples/customers/.github/workflows/platform.yml}, in order, each with {@code bash
 * --noprofile --norc -eo pipefail} (the runner's bash) in a copy of the example (the checkout),
 * with the job's environment, against the PostgreSQL server on 127.0.0.1:5432 as staging. Steps
 * without {@code if:} run while every step before succeeded; {@code if: always()} steps run anyway.
 *
 * <p>What the runner provides, and what stands in for it here:
 * <ul>
 *   <li>{@code ${{ github.event.pull_request.number }}} is 7; {@code ${{ github.token }}} a dummy;
 *       {@code ${{ secrets.STAGING_DATABASE_* }}} a fresh database on the server, which the test
 *       first applies the example to, as the merge job would have; {@code ${{ vars.STRATA_* }}} this
 *       repository and {@code main}. Any other expression fails the test, to be documented here.</li>
 *   <li>{@code RUNNER_TEMP}, {@code GITHUB_PATH} (its lines are put on PATH for later steps, as the
 *       runner does), {@code GITHUB_STEP_SUMMARY}, {@code GITHUB_WORKSPACE}, {@code CI=true}.</li>
 *   <li>{@code uses:} steps: {@code actions/checkout} is the copy; {@code actions/setup-java} is the
 *       JDK running this test, first on PATH; the {@code postgres} service is the server on
 *       127.0.0.1:5432. Any other action fails the test.</li>
 *   <li>The step {@code Install Strata} clones Strata and lets its launcher build it and install
 *       strata-pipeline into ~/.m2. Here it is replaced: {@code strata} on PATH runs this build's
 *       {@code cli/target/strata.jar}, and MAVEN_OPTS points Maven at a local repository holding
 *       this build's strata-pipeline ({@link PipelineRepository}), so the shared ~/.m2 is untouched.</li>
 *   <li>{@code gh}, on GitHub's runner images, is a stand-in that records its arguments and the
 *       comment's body.</li>
 * </ul>
 */
class CiWorkflowTest {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    static final String PR = "7";
    static final List<String> ENV_STEPS = List.of("Create the pull request's environment from staging",
            "Remove the pull request's environment");

    @TempDir
    Path tmp;

    private final String staging = "customers_ci_staging_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    /** The database `strata env up pr-7 --from staging` makes: the source's name and the environment's. */
    private final String prDatabase = staging + "_pr_" + PR;

    @Test
    void thePullRequestJobRunsStepByStep() throws Exception {
        JsonNode workflow = new ObjectMapper(new YAMLFactory())
                .readTree(ExamplePlatform.source().resolve(".github/workflows/platform.yml").toFile());
        JsonNode job = workflow.at("/jobs/pull-request");
        assertThat(job.isMissingNode()).as("jobs.pull-request").isFalse();
        Path checkout = ExamplePlatform.copyTo(tmp.resolve("checkout"));
        Map<String, String> expressions = Map.of(
                "github.event.pull_request.number", PR,
                "github.token", "dummy-token",
                "secrets.STAGING_DATABASE_URL", SERVER + staging,
                "secrets.STAGING_DATABASE_USER", "postgres",
                "secrets.STAGING_DATABASE_PASSWORD", "not-a-real-secret",
                "vars.STRATA_REPOSITORY", PipelineRepository.repositoryRoot().toString(),
                "vars.STRATA_REF || 'main'", "main");

        execute(SERVER + "postgres", "CREATE DATABASE " + staging);
        try (PipelineRepository repository = PipelineRepository.create(tmp)) {
            Map<String, String> env = runnerEnvironment(checkout, repository);
            env.putAll(evaluate(workflow.path("env"), expressions));
            env.putAll(evaluate(job.path("env"), expressions));
            Cli.Result stagingApply = PackagedCli.run(env, "-C", checkout.toString(), "--env", "staging", "apply",
                    "--auto-approve");
            assertThat(stagingApply.code()).as(stagingApply.toString()).isZero();

            Map<String, Cli.Result> results = runSteps(job, env, expressions, checkout);

            assertThat(results.keySet()).containsExactly("Build and unit-test the pipelines", ENV_STEPS.get(0), "Plan",
                    "Post the plan as the pull request's comment", "Apply", "Run every pipeline once", ENV_STEPS.get(1));
            assertThat(checkout.resolve("pipelines/customers/target/surefire-reports/"
                    + "TEST-com.example.customers.CustomerTransformsTest.xml")).content().contains("failures=\"0\"");
            String plan = Files.readString(checkout.resolve("plan.md"));
            assertThat(plan).startsWith("### Strata plan: `pr-" + PR + "`");
            assertThat(Files.readAllLines(tmp.resolve("gh-calls"))).containsExactly("pr comment " + PR + " --body-file plan.md");
            assertThat(Files.readString(tmp.resolve("gh-body"))).isEqualTo(plan);
            assertThat(results.get("Run every pipeline once").out()).contains("customers: succeeded\n");
            // What `strata env up` made on the server, and `strata env down` removed.
            assertThat(results.get(ENV_STEPS.get(0)).out()).contains(prDatabase);
            assertThat(databaseExists(prDatabase)).as("the pull request's database is gone").isFalse();
        } finally {
            execute(SERVER + "postgres", "DROP DATABASE IF EXISTS " + staging + " WITH (FORCE)");
            execute(SERVER + "postgres", "DROP DATABASE IF EXISTS " + prDatabase + " WITH (FORCE)");
            ExamplePlatform.dropServerRoles();
        }
    }

    /**
     * GitLab's equivalent is not run here, so it must say the same: the {@code strata} and {@code mvn}
     * commands of its merge-request job are those of the tested pull-request job, in order.
     */
    @Test
    void theGitLabMergeRequestJobRunsTheSameCommands() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode github = yaml.readTree(ExamplePlatform.source().resolve(".github/workflows/platform.yml").toFile());
        JsonNode gitlab = yaml.readTree(ExamplePlatform.source().resolve(".gitlab-ci.yml").toFile());
        StringBuilder githubScript = new StringBuilder();
        for (JsonNode step : github.at("/jobs/pull-request/steps")) {
            if (step.has("run") && !step.path("name").asText().equals("Install Strata")) {
                githubScript.append(step.get("run").asText()).append('\n');
            }
        }
        StringBuilder gitlabScript = new StringBuilder();
        for (String part : List.of("script", "after_script")) {
            gitlab.at("/merge-request/" + part).forEach(line -> gitlabScript.append(line.asText()).append('\n'));
        }

        assertThat(commands(gitlabScript.toString())).isEqualTo(commands(githubScript.toString())).hasSize(6);
    }

    private static List<String> commands(String script) {
        Matcher m = Pattern.compile("(?m)(?:^|[;\\s])((?:strata|mvn) [^;\n]+)").matcher(script);
        List<String> commands = new ArrayList<>();
        while (m.find()) {
            commands.add(m.group(1).strip());
        }
        return commands;
    }

    /** Runs the job's steps as the runner would; the results of the steps that ran, by name. */
    private Map<String, Cli.Result> runSteps(JsonNode job, Map<String, String> jobEnv, Map<String, String> expressions,
            Path checkout) throws Exception {
        Map<String, Cli.Result> results = new LinkedHashMap<>();
        boolean failed = false;
        for (JsonNode step : job.path("steps")) {
            String name = step.path("name").asText(step.path("uses").asText());
            if (step.has("uses")) {
                String action = step.get("uses").asText();
                assertThat(action).as("an action this test knows how to stand in for")
                        .matches("actions/(checkout|setup-java)@v\\d+");
                continue;
            }
            String condition = step.path("if").asText("");
            assertThat(condition).as("the if: of " + name).isIn("", "always()");
            if (failed && condition.isEmpty()) {
                continue;
            }
            if (name.equals("Install Strata")) {
                continue; // replaced by the runner environment: see the class comment
            }
            Map<String, String> env = new LinkedHashMap<>(jobEnv);
            env.putAll(evaluate(step.path("env"), expressions));
            env.put("PATH", path(env));
            Cli.Result result = PackagedCli.exec(new ProcessBuilder("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c",
                            substitute(step.path("run").asText(), expressions)).directory(checkout.toFile()), env, name);
            results.put(name, result);
            if (result.code() != 0) {
                failed = true;
                System.err.println("step `" + name + "` failed:\n" + result);
            }
        }
        if (failed) {
            fail("a step failed: " + results.entrySet().stream().filter(e -> e.getValue().code() != 0)
                    .map(e -> e.getKey() + "\n" + e.getValue()).toList());
        }
        return results;
    }

    /** What the runner sets for every step, with this test's stand-ins first on PATH. */
    private Map<String, String> runnerEnvironment(Path checkout, PipelineRepository repository) throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        script(bin.resolve("strata"), "exec '" + PackagedCli.java() + "' -jar '" + PackagedCli.jar() + "' \"$@\"\n");
        script(bin.resolve("gh"), "echo \"$*\" >> '" + tmp.resolve("gh-calls") + "'\n"
                + "cp \"$5\" '" + tmp.resolve("gh-body") + "'\n");
        Path runnerTemp = Files.createDirectories(tmp.resolve("runner-temp"));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CI", "true");
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_WORKSPACE", checkout.toString());
        env.put("RUNNER_TEMP", runnerTemp.toString());
        env.put("GITHUB_PATH", Files.createFile(runnerTemp.resolve("github-path")).toString());
        env.put("GITHUB_STEP_SUMMARY", Files.createFile(runnerTemp.resolve("step-summary")).toString());
        env.put("MAVEN_OPTS", repository.mavenOpts());
        env.put("PATH", bin + ":" + PackagedCli.java().getParent() + ":" + System.getenv("PATH"));
        return env;
    }

    /** PATH with the directories earlier steps appended to GITHUB_PATH in front, latest first. */
    private static String path(Map<String, String> env) throws Exception {
        List<String> added = new ArrayList<>(Files.readAllLines(Path.of(env.get("GITHUB_PATH"))));
        java.util.Collections.reverse(added);
        added.add(env.get("PATH"));
        return String.join(":", added);
    }

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*(.+?)\\s*}}");

    private static String substitute(String text, Map<String, String> expressions) {
        Matcher m = EXPRESSION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = expressions.get(m.group(1));
            assertThat(value).as("a value for the expression `" + m.group(1) + "` (document it in CiWorkflowTest)").isNotNull();
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Map<String, String> evaluate(JsonNode env, Map<String, String> expressions) {
        Map<String, String> values = new LinkedHashMap<>();
        env.fields().forEachRemaining(e -> values.put(e.getKey(), substitute(e.getValue().asText(), expressions)));
        return values;
    }

    private static void script(Path file, String body) throws Exception {
        Files.writeString(file, "#!/usr/bin/env bash\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void execute(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static boolean databaseExists(String name) throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT count(*) FROM pg_database WHERE datname = '" + name + "'")) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }
}
