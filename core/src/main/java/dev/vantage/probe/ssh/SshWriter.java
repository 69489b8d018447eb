package dev.vantage.probe.ssh;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes the SSH data types (RFC 4251 §5). */
final class SshWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    SshWriter u8(int v) {
        out.write(v);
        return this;
    }

    SshWriter bool(boolean v) {
        return u8(v ? 1 : 0);
    }

    SshWriter u32(long v) {
        out.write((int) (v >>> 24));
        out.write((int) (v >>> 16));
        out.write((int) (v >>> 8));
        out.write((int) v);
        return this;
    }

    SshWriter raw(byte[] b) {
        out.write(b, 0, b.length);
        return this;
    }

    SshWriter string(byte[] b) {
        u32(b.length);
        return raw(b);
    }

    SshWriter string(String s) {
        return string(s.getBytes(StandardCharsets.UTF_8));
    }

    SshWriter nameList(List<String> names) {
        return string(String.join(",", names));
    }

    SshWriter mpint(BigInteger v) {
        return string(v.signum() == 0 ? new byte[0] : v.toByteArray());
    }

    byte[] toBytes() {
        return out.toByteArray();
    }
}
