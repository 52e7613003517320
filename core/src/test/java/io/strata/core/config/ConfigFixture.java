package io.strata.core.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes {@code strata.yaml} (and secret files) into a test's temporary platform directory. */
final class ConfigFixture {

    private ConfigFixture() {}

    static Path write(Path platformDir, String yaml) {
        return write(platformDir, ProjectConfig.FILE_NAME, yaml);
    }

    static Path write(Path platformDir, String relativePath, String content) {
        Path file = platformDir.resolve(relativePath);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static ProjectConfig load(Path platformDir, String yaml) {
        write(platformDir, yaml);
        return ProjectConfig.load(platformDir);
    }
}
