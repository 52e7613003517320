package io.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code observe --serve --bind}: refused before anything is opened when the address reaches other
 * machines and strata.yaml has no token, or when the token is too short; the token never comes
 * from the command line.
 */
class ObserveBindTest {

    @TempDir
    Path dir;

    @Test
    void bindingBeyondLoopbackWithoutATokenInStrataYamlIsRefused() throws Exception {
        Files.writeString(dir.resolve("strata.yaml"), "name: c\n");

        Cli.Result result = new Cli(Map.of()).run("-C", dir.toString(), "observe", "--serve", "--bind", "0.0.0.0");

        assertThat(result.code()).as(result.toString()).isEqualTo(ExitCode.ERROR);
        assertThat(result.err()).contains("--bind 0.0.0.0 lets other machines connect", "strata.yaml",
                "observe.serve.token", "never read from the command line");
    }

    @Test
    void aShortTokenIsRefusedAtItsLine() throws Exception {
        Files.writeString(dir.resolve("strata.yaml"), "name: c\nobserve:\n  serve:\n    token: ${env:T}\n");

        Cli.Result result = new Cli(Map.of("T", "short-token")).run("-C", dir.toString(), "observe", "--serve",
                "--bind", "0.0.0.0");

        assertThat(result.code()).as(result.toString()).isEqualTo(ExitCode.ERROR);
        assertThat(result.err()).contains("strata.yaml:4:", "observe.serve.token", "shorter than 32 characters")
                .doesNotContain("short-token");
    }

    @Test
    void bindIsAnIpAddressAndGoesWithServe() throws Exception {
        Files.writeString(dir.resolve("strata.yaml"), "name: c\n");
        Cli cli = new Cli(Map.of());

        Cli.Result name = cli.run("-C", dir.toString(), "observe", "--serve", "--bind", "observe.example.com");
        Cli.Result alone = cli.run("-C", dir.toString(), "observe", "--bind", "127.0.0.1");

        assertThat(name.err()).as(name.toString()).contains("--bind observe.example.com is not an IP address");
        assertThat(alone.err()).as(alone.toString()).contains("--bind goes with --serve");
    }
}
