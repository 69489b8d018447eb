package dev.vantage.udp.probe;

import java.nio.charset.StandardCharsets;

/** Bounds-checked big-endian reads for the parsers; out-of-range reads throw {@link Truncated}. */
final class Wire {
    private Wire() {}

    /** A reply shorter than its own fields say; parsers catch it and give up on the reply. */
    static final class Truncated extends RuntimeException {
        Truncated() {
            super("truncated", null, false, false);
        }
    }

    static int u8(byte[] b, int at) {
        if (at < 0 || at >= b.length) throw new Truncated();
        return b[at] & 0xff;
    }

    static int u16(byte[] b, int at) {
        return (u8(b, at) << 8) | u8(b, at + 1);
    }

    static long u32(byte[] b, int at) {
        return ((long) u16(b, at) << 16) | u16(b, at + 2);
    }

    static byte[] slice(byte[] b, int at, int len) {
        if (at < 0 || len < 0 || at + len > b.length) throw new Truncated();
        byte[] out = new byte[len];
        System.arraycopy(b, at, out, 0, len);
        return out;
    }

    static String ascii(byte[] b, int at, int len) {
        return new String(slice(b, at, len), StandardCharsets.ISO_8859_1);
    }

    /** Printable text for details and evidence: control characters dropped, at most {@code max} chars. */
    static String printable(String s, int max) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length() && out.length() < max; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f) out.append(c);
            else if (c == '\n' || c == '\t') out.append(' ');
        }
        return out.toString().strip();
    }
}
