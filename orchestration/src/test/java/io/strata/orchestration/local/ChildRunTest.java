package io.strata.orchestration.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;


import io.strata.core.error.StrataException;
import io.strata.orchestration.testing.TestJars;
import io.strata.orchestration.testing.TestMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Child processes that hang or flood: killed with their descendants, never blocked, logs capped. */
class ChildRunTest {

    @TempDir
    Path tmp;

    @Test
    void aHangingChildIsKilledAtItsTimeoutWithItsDescendants() throws Exception {
        ChildRun child = start("hang", ChildRun.DEFAULT_LOG_CAP);
        long grandchild = awaitGrandchild(child.log());

        assertThat(child.waitFor(Duration.ofMillis(500))).isFalse();
        child.kill(Duration.ofSeconds(5));

        assertThat(child.isAlive()).isFalse();
        assertThat(ProcessHandle.of(grandchild).map(ProcessHandle::isAlive)).isIn(Optional.empty(), Optional.of(false));
        assertThat(child.exitCode()).isNotZero();
        assertThat(Files.readString(child.log())).contains("test main: SIGTERM received");
    }

    @Test
    void aFloodingChildNeverBlocksAndItsLogIsCapped() throws Exception {
        long cap = 1024 * 1024;
        ChildRun child = start("flood:256", cap);

        assertThat(child.waitFor(Duration.ofMinutes(2))).as("the child finished printing 256 MiB").isTrue();
        assertThat(child.exitCode()).isZero();
        assertThat(child.logTruncated()).isTrue();
        assertThat(Files.size(child.log())).isBetween(cap, cap + 200);
        assertThat(Files.readString(child.log())).endsWith("the rest of its output was discarded\n");
    }

    @Test
    void aChildThatCannotStartLeavesNoLogFileOpen() throws Exception {
        Path fds = Path.of("/proc/self/fd");
        assumeTrue(Files.isDirectory(fds), "lists this JVM's open files on Linux only");
        Path log = tmp.resolve("logs/never.log");
        JvmCommand command = JvmCommand.forJar(tmp.resolve("test.jar"));

        assertThatThrownBy(() -> ChildRun.start(command, tmp.resolve("no-such-directory"), log, 1024, null))
                .isInstanceOf(StrataException.class).hasMessageContaining("cannot start");

        try (Stream<Path> open = Files.list(fds)) {
            assertThat(open.map(ChildRunTest::target)).doesNotContain(log.toRealPath().toString());
        }
    }

    private static String target(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString();
        } catch (IOException e) {
            return ""; // Closed since it was listed.
        }
    }

    private ChildRun start(String mode, long logCap) throws Exception {
        Path jar = TestJars.runnable(tmp.resolve("test.jar"), TestMain.class);
        JvmCommand command = JvmCommand.forJar(jar).withEnvironment(Map.of("TEST_MODE", mode));
        return ChildRun.start(command, tmp, tmp.resolve("logs/run.log"), logCap, null);
    }

    private static long awaitGrandchild(Path log) throws Exception {
        Pattern line = Pattern.compile("grandchild (\\d+)");
        for (int i = 0; i < 600; i++) {
            Matcher m = line.matcher(Files.exists(log) ? Files.readString(log) : "");
            if (m.find()) {
                return Long.parseLong(m.group(1));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the child never said its grandchild's pid");
    }
}
