package io.strata.pipeline.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark image's main: without {@code executor} it is the pipeline's main, in this JVM; with it,
 * the executor's process, whose exit code it returns.
 */
class SparkEntryTest {

    @TempDir
    Path tmp;

    /** A pipeline main for the test: writes its arguments to the file its first argument names. */
    public static final class ArgumentsMain {
        public static void main(String[] args) throws Exception {
            Files.write(Path.of(args[0]), List.of(args));
        }
    }

    /** An executor stand-in: exits with the code it is given. */
    public static final class ExitMain {
        public static void main(String[] args) {
            System.exit(Integer.parseInt(args[0]));
        }
    }

    @Test
    void withoutExecutorItRunsThePipelinesMainWithTheRestOfTheArguments() throws Throwable {
        Path out = tmp.resolve("args.txt");

        SparkEntry.main(new String[] {ArgumentsMain.class.getName(), out.toString(), "--date", "2026-11-26"});

        assertThat(Files.readAllLines(out)).containsExactly(out.toString(), "--date", "2026-11-26");
    }

    @Test
    void theExecutorsExitCodeIsReturned() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ExecutorCommand command = new ExecutorCommand(List.of(java, "-cp", System.getProperty("java.class.path"),
                ExitMain.class.getName(), "3"));

        assertThat(SparkEntry.run(command)).isEqualTo(3);
    }

    @Test
    void withoutAMainClassOrWithArgumentsAfterExecutorItRefuses() {
        assertThatThrownBy(() -> SparkEntry.main(new String[0])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the image names the pipeline's main class first");
        assertThatThrownBy(() -> SparkEntry.main(new String[] {ArgumentsMain.class.getName(), "executor", "x"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("`executor` takes no arguments");
    }
}
