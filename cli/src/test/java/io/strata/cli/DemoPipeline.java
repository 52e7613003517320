package io.strata.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A JDK-only pipeline module, {@code pipelines/<name>/}, whose main prints its name: Maven is all it needs. */
final class DemoPipeline {

    private DemoPipeline() {}

    static void write(Path platform, String name) throws IOException {
        Path module = platform.resolve("pipelines").resolve(name);
        Files.createDirectories(module.resolve("src/main/java/demo"));
        Files.writeString(module.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>demo</groupId>
                  <artifactId>%s</artifactId>
                  <version>1</version>
                  <properties><maven.compiler.release>17</maven.compiler.release></properties>
                  <build><plugins>
                    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>3.13.0</version></plugin>
                    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
                  </plugins></build>
                </project>
                """.formatted(name));
        Files.writeString(module.resolve("src/main/java/demo/Main.java"),
                "package demo;\npublic class Main { public static void main(String[] a) { System.out.println(\"" + name + "\"); } }\n");
    }
}
