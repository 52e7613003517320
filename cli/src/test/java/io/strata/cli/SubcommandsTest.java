package io.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Only the subcommand a run names is built; help and errors still see all of them. */
class SubcommandsTest {

    private final Cli cli = new Cli(Map.of());

    @Test
    void eachNameIsItsCommandsOwnName() {
        Subcommands.ALL.forEach((name, command) ->
                assertThat(command.getAnnotation(CommandLine.Command.class).name()).as(command.getName())
                        .isEqualTo(name));
    }

    @Test
    void theNamedSubcommandIsFoundPastTheRootOptions() {
        assertThat(Subcommands.named(new String[] {"plan", "--layer", "access"})).contains("plan");
        assertThat(Subcommands.named(new String[] {"-C", "plan", "--env", "apply", "observe"})).contains("observe");
        assertThat(Subcommands.named(new String[] {"-Cdir", "--env=prod", "lint"})).contains("lint");
        assertThat(Subcommands.named(new String[] {"--help"})).isEmpty();
        assertThat(Subcommands.named(new String[] {"-C"})).isEmpty();
        assertThat(Subcommands.named(new String[0])).isEqualTo(Optional.empty());
    }

    @Test
    void onlyTheNamedOneIsRegistered() {
        CommandLine root = new CommandLine(new StrataCommand(Map.of(), q -> Optional.empty()));
        Subcommands.register(root, new String[] {"-C", "x", "lint", "--format", "json"});
        assertThat(root.getSubcommands().keySet()).containsExactly("lint");
    }

    @Test
    void helpListsEverySubcommand() {
        Cli.Result r = cli.run("--help");
        for (String name : Subcommands.ALL.keySet()) {
            assertThat(r.out()).as(name).containsPattern("(?m)^\\s+" + name + "\\s");
        }
    }

    @Test
    void anUnknownSubcommandIsReportedWithSuggestions() {
        Cli.Result r = cli.run("plna");
        assertThat(r.code()).isEqualTo(ExitCode.ERROR);
        assertThat(r.err()).contains("Unmatched argument at index 0: 'plna'").contains("plan");
    }
}
