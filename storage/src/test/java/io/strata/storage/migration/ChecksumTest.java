package io.strata.storage.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Pins the checksum algorithm: history tables outlive Strata versions, so these values must never
 * change. They were computed independently with {@code printf '...' | sha256sum}.
 */
class ChecksumTest {

    @Test
    void isSha256OfTheBytesAsLowerCaseHex() {
        assertThat(Checksum.of("CREATE TABLE t (id int);\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("12c83f983b0c94b9c7010dcc92149589d5fb01a3d32af8f6d699545d95db9040");
    }

    @Test
    void crlfCountsAsLf() {
        assertThat(Checksum.of("CREATE TABLE t (id int);\r\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Checksum.of("CREATE TABLE t (id int);\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(Checksum.of("a\r\nb\r\n\r\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Checksum.of("a\nb\n\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aLoneCarriageReturnIsContent() {
        assertThat(Checksum.of("a\rb".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("af9081672dd5ef3247a30c2db5b0dafcc9bcf981a26aefb3c55d210d43fcc14e")
                .isNotEqualTo(Checksum.of("a\nb".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void emptyFileAndNonAscii() {
        assertThat(Checksum.of(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(Checksum.of("-- café ☕\r\n".getBytes(StandardCharsets.UTF_8))).isEqualTo("7c47f26f40509a18500d4886eba8ec183954ab465eeac40bc0498afb5f093af3");
    }
}
