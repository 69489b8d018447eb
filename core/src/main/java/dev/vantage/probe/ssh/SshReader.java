package dev.vantage.probe.ssh;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the SSH data types (RFC 4251 §5) from a byte array; every read is checked against the end. */
final class SshReader {
    private static final int MAX_NAMES = 512;
    private final byte[] b;
    private int pos;

    SshReader(byte[] b) {
        this(b, 0);
    }

    SshReader(byte[] b, int offset) {
        this.b = b;
        this.pos = offset;
    }

    int remaining() {
        return b.length - pos;
    }

    int u8() throws SshFormatException {
        need(1);
        return b[pos++] & 0xff;
    }

    boolean bool() throws SshFormatException {
        return u8() != 0;
    }

    long u32() throws SshFormatException {
        need(4);
        long v = ((long) (b[pos] & 0xff) << 24) | ((b[pos + 1] & 0xff) << 16) | ((b[pos + 2] & 0xff) << 8) | (b[pos + 3] & 0xff);
        pos += 4;
        return v;
    }

    byte[] bytes(int n) throws SshFormatException {
        need(n);
        byte[] out = Arrays.copyOfRange(b, pos, pos + n);
        pos += n;
        return out;
    }

    byte[] string() throws SshFormatException {
        long n = u32();
        if (n > remaining()) throw new SshFormatException("a string longer than its message");
        return bytes((int) n);
    }

    String text() throws SshFormatException {
        return new String(string(), StandardCharsets.UTF_8);
    }

    List<String> nameList() throws SshFormatException {
        String s = new String(string(), StandardCharsets.US_ASCII);
        List<String> names = new ArrayList<>();
        if (s.isEmpty()) return names;
        for (String n : s.split(",", -1)) {
            if (names.size() >= MAX_NAMES) throw new SshFormatException("too many names in a list");
            names.add(n);
        }
        return names;
    }

    BigInteger mpint() throws SshFormatException {
        byte[] v = string();
        return v.length == 0 ? BigInteger.ZERO : new BigInteger(v);
    }

    private void need(int n) throws SshFormatException {
        if (n < 0 || pos + n > b.length) throw new SshFormatException("message ends early");
    }
}
