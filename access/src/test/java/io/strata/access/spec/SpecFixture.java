package io.strata.access.spec;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds specs from inline YAML, file by file, as {@code access/*.yaml} would hold them. */
final class SpecFixture {

    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final String dialect;

    private SpecFixture(String dialect) {
        this.dialect = dialect;
    }

    static SpecFixture postgres() {
        return new SpecFixture("postgresql");
    }

    static SpecFixture mysql() {
        return new SpecFixture("mysql");
    }

    SpecFixture file(String name, String yaml) {
        files.put("access/" + name, yaml.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    AccessSpec read() {
        return new AccessSpecReader(dialect).parse(files);
    }

    static AccessSpec parse(String yaml) {
        return postgres().file("team.yaml", yaml).read();
    }
}
