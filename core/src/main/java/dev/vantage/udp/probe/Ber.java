package dev.vantage.udp.probe;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The small part of ASN.1 BER that SNMP uses: definite lengths, INTEGER, OCTET STRING, NULL,
 * OBJECT IDENTIFIER and constructed types. Decoding is bounded in depth and element count and
 * throws {@link Wire.Truncated} on anything malformed.
 */
public final class Ber {
    public static final int INTEGER = 0x02;
    public static final int OCTET_STRING = 0x04;
    public static final int NULL = 0x05;
    public static final int OID = 0x06;
    public static final int SEQUENCE = 0x30;
    private static final int MAX_DEPTH = 12;
    private static final int MAX_CHILDREN = 256;

    private Ber() {}

    /** One decoded element: its tag, its content, and its children when constructed. */
    public record Element(int tag, byte[] content, List<Element> children) {
        public boolean constructed() {
            return (tag & 0x20) != 0;
        }

        public Element child(int i) {
            if (i >= children.size()) throw new Wire.Truncated();
            return children.get(i);
        }

        public long asLong() {
            if (content.length == 0 || content.length > 8) throw new Wire.Truncated();
            return new BigInteger(content).longValue();
        }

        public String asOid() {
            return oidText(content);
        }
    }

    // ---- encoding ----

    public static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    public static byte[] constructed(int tag, byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return tlv(tag, out.toByteArray());
    }

    public static byte[] integer(long v) {
        return tlv(INTEGER, BigInteger.valueOf(v).toByteArray());
    }

    public static byte[] octets(byte[] v) {
        return tlv(OCTET_STRING, v);
    }

    public static byte[] nul() {
        return new byte[] {NULL, 0};
    }

    /** An OBJECT IDENTIFIER from dotted text, e.g. {@code 1.3.6.1.2.1.1.1.0}. */
    public static byte[] oid(String dotted) {
        String[] parts = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Integer.parseInt(parts[0]) * 40 + Integer.parseInt(parts[1]));
        for (int i = 2; i < parts.length; i++) {
            long v = Long.parseLong(parts[i]);
            int shift = 63 - Long.numberOfLeadingZeros(Math.max(1, v));
            for (int s = (shift / 7) * 7; s > 0; s -= 7) out.write((int) (0x80 | ((v >> s) & 0x7f)));
            out.write((int) (v & 0x7f));
        }
        return tlv(OID, out.toByteArray());
    }

    // ---- decoding ----

    /** Decodes the one element at the start of {@code data} (trailing bytes are ignored). */
    public static Element decode(byte[] data) {
        return decode(data, 0, 0).element;
    }

    private record Decoded(Element element, int next) {}

    private static Decoded decode(byte[] b, int at, int depth) {
        if (depth > MAX_DEPTH) throw new Wire.Truncated();
        int tag = Wire.u8(b, at);
        if ((tag & 0x1f) == 0x1f) throw new Wire.Truncated();   // multi-byte tags: not SNMP
        int len = Wire.u8(b, at + 1);
        int start = at + 2;
        if (len >= 0x80) {
            int octets = len & 0x7f;
            if (octets == 0 || octets > 3) throw new Wire.Truncated();
            len = 0;
            for (int i = 0; i < octets; i++) len = (len << 8) | Wire.u8(b, start + i);
            start += octets;
        }
        byte[] content = Wire.slice(b, start, len);
        List<Element> children = List.of();
        if ((tag & 0x20) != 0) {
            List<Element> list = new ArrayList<>();
            int p = 0;
            while (p < content.length) {
                if (list.size() >= MAX_CHILDREN) throw new Wire.Truncated();
                Decoded d = decode(content, p, depth + 1);
                list.add(d.element);
                p = d.next;
            }
            children = List.copyOf(list);
        }
        return new Decoded(new Element(tag, content, children), start + len);
    }

    static String oidText(byte[] c) {
        if (c.length == 0) throw new Wire.Truncated();
        StringBuilder s = new StringBuilder();
        int first = c[0] & 0xff;
        s.append(Math.min(first / 40, 2)).append('.').append(first - Math.min(first / 40, 2) * 40);
        long v = 0;
        int digits = 0;
        for (int i = 1; i < c.length; i++) {
            v = (v << 7) | (c[i] & 0x7f);
            if (++digits > 9) throw new Wire.Truncated();
            if ((c[i] & 0x80) == 0) {
                s.append('.').append(v);
                v = 0;
                digits = 0;
            }
        }
        return s.toString();
    }
}
