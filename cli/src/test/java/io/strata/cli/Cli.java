package io.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Runs the CLI in-process, as a user would type it, capturing what it prints. */
record Cli(Map<String, String> env) {

    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err), env, question -> Optional.empty());
        return new Result(code, out.toString(), err.toString());
    }

    /** Runs a command that must succeed. */
    Result ok(String... args) {
        Result result = run(args);
        assertThat(result.code()).as(result.toString()).isZero();
        return result;
    }

    /** {@code strata -C DIR observe --html FILE}, which must succeed (no drift), and the file it wrote. */
    String observeHtml(String dir, Path file) {
        ok("-C", dir, "observe", "--html", file.toString());
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
