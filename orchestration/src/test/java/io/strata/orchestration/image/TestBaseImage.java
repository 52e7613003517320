package io.strata.orchestration.image;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A base image the tests can build on offline, standing in for {@code eclipse-temurin:17-jre}:
 * a {@code docker save} tarball with one layer holding
 * <ul>
 *   <li>{@code /opt/java}: a Java runtime made with {@code jlink} from this machine's JDK, only the
 *       modules PgJDBC needs (about 40 MB instead of a full JRE's 150);
 *   <li>the shared libraries {@code ldd} says that runtime loads, at the paths it names, so the
 *       image really runs under {@code chroot};
 * </ul>
 * and {@code PATH=/opt/java/bin:/usr/bin:/bin}, so its {@code java} is found as in Temurin. Jib
 * writes it (from scratch, to a tarball in Docker format: the format {@code tar:} bases are read
 * in). Made once per test JVM, in {@code target/}.
 */
final class TestBaseImage {

    private static final Path JAVA_HOME = Path.of(System.getProperty("java.home"));
    private static final String MODULES = "java.base,java.sql,java.naming,java.logging,java.management,"
            + "java.security.jgss,java.security.sasl,jdk.crypto.ec";
    private static final Pattern LIBRARY = Pattern.compile("(?:=>\\s*)?(/\\S+)\\s+\\(0x");

    private TestBaseImage() {}

    static Path tarball() {
        return Holder.TARBALL;
    }

    /** Initialised once, on first use, by the class loader: no mutable static state. */
    private static final class Holder {
        private static final Path TARBALL = build(Path.of("target", "test-base-image").toAbsolutePath());
    }

    private static Path build(Path directory) {
        Path tarball = directory.resolve("base.tar");
        if (Files.exists(tarball)) {
            return tarball;
        }
        try {
            Path work = Files.createTempDirectory(Files.createDirectories(directory), "jlink");
            Path runtime = work.resolve("java");
            run(JAVA_HOME.resolve("bin/jlink").toString(), "--add-modules", MODULES, "--strip-debug",
                    "--no-header-files", "--no-man-pages", "--output", runtime.toString());
            FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName("jre");
            List<Path> elfs = new ArrayList<>();
            try (Stream<Path> files = Files.walk(runtime)) {
                for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                    String relative = runtime.relativize(file).toString();
                    boolean executable = relative.startsWith("bin/") || relative.equals("lib/jspawnhelper");
                    layer.addEntry(file, AbsoluteUnixPath.get("/opt/java/" + relative),
                            FilePermissions.fromOctalString(executable ? "755" : "644"));
                    if (executable || relative.endsWith(".so")) {
                        elfs.add(file);
                    }
                }
            }
            for (Map.Entry<String, Path> library : libraries(elfs).entrySet()) {
                layer.addEntry(library.getValue(), AbsoluteUnixPath.get(library.getKey()),
                        FilePermissions.fromOctalString("755"));
            }
            Path partial = work.resolve("base.tar");
            Jib.fromScratch()
                    .addFileEntriesLayer(layer.build())
                    .setEnvironment(Map.of("PATH", "/opt/java/bin:/usr/bin:/bin", "JAVA_HOME", "/opt/java"))
                    .containerize(Containerizer.to(TarImage.at(partial).named("strata-test/base:17"))
                            .setBaseImageLayersCache(work.resolve("cache"))
                            .setApplicationLayersCache(work.resolve("cache")));
            Files.move(partial, tarball, StandardCopyOption.ATOMIC_MOVE);
            try (Stream<Path> leftovers = Files.walk(work)) {
                leftovers.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
            return tarball;
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the test base image: " + e, e);
        }
    }

    /** Every shared library the given ELF files load, by the path the loader asks for. */
    private static Map<String, Path> libraries(List<Path> elfs) throws IOException, InterruptedException {
        Map<String, Path> libraries = new TreeMap<>();
        for (Path elf : elfs) {
            Process ldd = new ProcessBuilder("ldd", elf.toString()).redirectErrorStream(true).start();
            String output = new String(ldd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            ldd.waitFor();
            for (String line : output.split("\n")) {
                Matcher m = LIBRARY.matcher(line.strip());
                if (m.find() && !m.group(1).startsWith(elf.getParent().getParent().toString())) {
                    libraries.put(m.group(1), Path.of(m.group(1)).toRealPath());
                }
            }
        }
        return libraries;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed:\n" + output);
        }
    }
}
