package io.strata.core.config;

import static io.strata.core.config.ConfigFixture.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code observe.serve} in strata.yaml: loopback without a token by default, any other address
 * only with a token that is a reference, resolved only when asked and 32 characters or more.
 */
class ObserveConfigTest {

    @TempDir
    Path dir;

    /** Also a valid file for SchemaConformanceTest. */
    static final String SERVED = """
            name: customers
            observe:
              serve:
                bind: 0.0.0.0
                token: ${env:STRATA_OBSERVE_TOKEN}
                hosts: [Observe.Example.com, intranet]
            """;

    private static final String TOKEN = "0123456789abcdef0123456789abcdef";

    @Test
    void withoutObserveTheServerStaysOnLoopbackWithoutAToken() throws Exception {
        ObserveSettings settings = load(dir, "name: customers\n").resolveObserve(name -> null);

        assertThat(settings.bind()).isEqualTo(InetAddress.getByName("127.0.0.1"));
        assertThat(settings.token()).isNull();
        assertThat(settings.hosts()).isEmpty();
    }

    @Test
    void theTokenIsResolvedFromItsReferenceAndNeverShown() throws Exception {
        ProjectConfig config = load(dir, SERVED);
        ObserveSettings settings = config.resolveObserve(Map.of("STRATA_OBSERVE_TOKEN", TOKEN)::get);

        assertThat(settings.bind()).isEqualTo(InetAddress.getByName("0.0.0.0"));
        assertThat(settings.token().reveal()).isEqualTo(TOKEN);
        assertThat(settings.token().reference()).isEqualTo("${env:STRATA_OBSERVE_TOKEN}");
        assertThat(settings.toString()).doesNotContain(TOKEN);
        assertThat(settings.hosts()).isEqualTo(List.of("observe.example.com", "intranet"));
        assertThat(settings.tokenLocation().line()).isEqualTo(5);
    }

    @Test
    void otherCommandsLoadTheFileWithoutTheTokensVariable() {
        // Loading checks structure only: `strata plan` never needs STRATA_OBSERVE_TOKEN.
        assertThat(load(dir, SERVED).resolve("dev", name -> null).name()).isEqualTo("dev");
    }

    @Test
    void aTokenShorterThan32CharactersIsRefusedAtItsLine() {
        ProjectConfig config = load(dir, SERVED);

        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> config.resolveObserve(Map.of("STRATA_OBSERVE_TOKEN", TOKEN.substring(1))::get));

        assertThat(e).isNotNull();
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.keyPath()).isEqualTo("observe.serve.token");
        assertThat(e.getMessage()).contains("shorter than 32 characters").doesNotContain(TOKEN.substring(1));
    }

    @Test
    void anUnsetTokenVariableIsNamed() {
        ProjectConfig config = load(dir, SERVED);

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> config.resolveObserve(name -> null));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("STRATA_OBSERVE_TOKEN").contains(":5:");
    }

    @Test
    void aTokenFromAFileLosesItsTrailingNewline() {
        ConfigFixture.write(dir, "secrets/observe-token", TOKEN + "\n");
        ProjectConfig config = load(dir, "name: c\nobserve:\n  serve:\n    token: ${file:secrets/observe-token}\n");

        assertThat(config.resolveObserve(name -> null).token().reveal()).isEqualTo(TOKEN);
    }

    @Test
    void aNonLoopbackBindWithoutATokenNamesTheFileAndTheKey() {
        Path file = ConfigFixture.write(dir, "name: c\nobserve:\n  serve:\n    bind: 192.168.1.20\n");

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ProjectConfig.load(dir));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).startsWith(file + ":3:").contains("observe.serve.token");
        assertThat(e.hint()).contains("token: ${env:STRATA_OBSERVE_TOKEN}");
    }
}
