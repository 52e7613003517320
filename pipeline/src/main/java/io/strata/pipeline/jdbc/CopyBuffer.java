package io.strata.pipeline.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.postgresql.copy.CopyIn;

/**
 * Bytes of a binary COPY, handed to PgJDBC in 256 KiB messages. Writing into one reused array and
 * sending large chunks is most of what makes the PostgreSQL sink fast.
 */
final class CopyBuffer {

    private static final int SIZE = 1 << 18;

    private final CopyIn copy;
    private byte[] buf = new byte[SIZE];
    private int pos;

    CopyBuffer(CopyIn copy) {
        this.copy = copy;
    }

    /** Room for {@code n} more bytes, sending what is buffered first if needed. */
    void ensure(int n) throws SQLException {
        if (pos + n > buf.length) {
            flush();
            if (n > buf.length) {
                buf = new byte[n];
            }
        }
    }

    void int8(int v) {
        buf[pos++] = (byte) v;
    }

    void int16(int v) {
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
    }

    void int32(int v) {
        buf[pos++] = (byte) (v >>> 24);
        buf[pos++] = (byte) (v >>> 16);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
    }

    void int64(long v) {
        int32((int) (v >>> 32));
        int32((int) v);
    }

    /** A field: its length, then its bytes. */
    void field(byte[] bytes) throws SQLException {
        ensure(4 + bytes.length);
        int32(bytes.length);
        System.arraycopy(bytes, 0, buf, pos, bytes.length);
        pos += bytes.length;
    }

    /**
     * A text field in UTF-8, optionally after a prefix byte (jsonb's format version). ASCII, by far
     * the common case, is copied char by char without an intermediate array.
     */
    void text(String s, int prefix) throws SQLException {
        int extra = prefix < 0 ? 0 : 1;
        int n = s.length();
        ensure(4 + extra + n);
        int start = pos;
        pos += 4;
        if (extra == 1) {
            int8(prefix);
        }
        for (int i = 0; i < n; i++) {
            char ch = s.charAt(i);
            if (ch >= 0x80) {
                pos = start;
                byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                ensure(4 + extra + utf8.length);
                int32(extra + utf8.length);
                if (extra == 1) {
                    int8(prefix);
                }
                System.arraycopy(utf8, 0, buf, pos, utf8.length);
                pos += utf8.length;
                return;
            }
            buf[pos++] = (byte) ch;
        }
        int len = pos - start - 4;
        buf[start] = (byte) (len >>> 24);
        buf[start + 1] = (byte) (len >>> 16);
        buf[start + 2] = (byte) (len >>> 8);
        buf[start + 3] = (byte) len;
    }

    void flush() throws SQLException {
        if (pos > 0) {
            copy.writeToCopy(buf, 0, pos);
            pos = 0;
        }
    }
}
