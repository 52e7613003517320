package io.strata.storage.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresBinariesTest {

    @TempDir
    Path cache;

    @Test
    void concurrentFirstRunsUnpackOnceIntoOneWorkingDirectory() throws Exception {
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), InstallBinariesMain.class.getName())
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            // The cache location is read from the environment, so only a child process can get a fresh one.
            builder.environment().put("XDG_CACHE_HOME", cache.toString());
            processes.add(builder.start());
        }
        Set<String> homes = new HashSet<>();
        for (Process process : processes) {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
            homes.add(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim());
        }

        assertThat(homes).hasSize(1);
        Path home = Path.of(homes.iterator().next());
        assertThat(home.getParent()).isEqualTo(cache.resolve("strata"));
        assertThat(home.getFileName().toString()).matches("postgres-[0-9a-f]{16}");
        try (Stream<Path> entries = Files.list(cache.resolve("strata"))) {
            assertThat(entries).as("the loser's temporary directory is gone").containsExactly(home);
        }
        Process version = new ProcessBuilder(home.resolve("bin/postgres").toString(), "--version").start();
        assertThat(version.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).startsWith("postgres (PostgreSQL) 17.");
    }
}
