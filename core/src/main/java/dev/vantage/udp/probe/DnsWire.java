package dev.vantage.udp.probe;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Just enough of the DNS message format (RFC 1035) for the DNS, mDNS and NetBIOS probes:
 * building one-question queries and reading a reply's header and answer records. Names may use
 * compression pointers; every loop is bounded (labels, pointer hops, records).
 */
public final class DnsWire {
    public static final int TYPE_A = 1;
    public static final int TYPE_PTR = 12;
    public static final int TYPE_TXT = 16;
    public static final int CLASS_IN = 1;
    public static final int CLASS_CH = 3;
    private static final int MAX_RECORDS = 64;
    private static final int MAX_POINTER_HOPS = 16;

    private DnsWire() {}

    /** A reply's header. */
    public record Header(int id, boolean response, int opcode, boolean authoritative, boolean truncated,
                        boolean recursionDesired, boolean recursionAvailable, int rcode,
                        int questions, int answers, int authorities, int additionals) {}

    /** One resource record: {@code data} is the raw RDATA, {@code dataOffset} where it starts in the message. */
    public record Record(String name, int type, int rrClass, long ttl, byte[] data, int dataOffset) {}

    /** A parsed reply: header and answer records (authority and additional sections are not read). */
    public record Message(Header header, List<Record> answers) {}

    /** A query for one name ({@code a.b.c}, no trailing dot) with the given id, type, class and RD bit. */
    public static byte[] query(int id, String name, int type, int qclass, boolean recursionDesired) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(id >> 8);
        out.write(id);
        out.write(recursionDesired ? 0x01 : 0x00);
        out.write(0);
        out.writeBytes(new byte[] {0, 1, 0, 0, 0, 0, 0, 0});
        for (String label : name.split("\\.")) {
            if (label.isEmpty()) continue;
            byte[] l = label.getBytes(StandardCharsets.US_ASCII);
            if (l.length > 63) throw new IllegalArgumentException("label longer than 63: " + label);
            out.write(l.length);
            out.writeBytes(l);
        }
        out.write(0);
        out.write(type >> 8);
        out.write(type);
        out.write(qclass >> 8);
        out.write(qclass);
        return out.toByteArray();
    }

    public static Optional<Header> header(byte[] m) {
        if (m.length < 12) return Optional.empty();
        int flags = Wire.u16(m, 2);
        return Optional.of(new Header(Wire.u16(m, 0), (flags & 0x8000) != 0, (flags >> 11) & 0xf, (flags & 0x0400) != 0,
                (flags & 0x0200) != 0, (flags & 0x0100) != 0, (flags & 0x0080) != 0, flags & 0xf,
                Wire.u16(m, 4), Wire.u16(m, 6), Wire.u16(m, 8), Wire.u16(m, 10)));
    }

    /** Parses the header and the answer section; empty when the message is malformed. */
    public static Optional<Message> parse(byte[] m) {
        try {
            Optional<Header> h = header(m);
            if (h.isEmpty()) return Optional.empty();
            int at = 12;
            for (int i = 0; i < Math.min(h.get().questions(), MAX_RECORDS); i++) {
                at = skipName(m, at) + 4;
            }
            List<Record> answers = new ArrayList<>();
            for (int i = 0; i < Math.min(h.get().answers(), MAX_RECORDS); i++) {
                String name = readName(m, at);
                at = skipName(m, at);
                int type = Wire.u16(m, at);
                int cls = Wire.u16(m, at + 2);
                long ttl = Wire.u32(m, at + 4);
                int len = Wire.u16(m, at + 8);
                byte[] data = Wire.slice(m, at + 10, len);
                answers.add(new Record(name, type, cls, ttl, data, at + 10));
                at += 10 + len;
            }
            return Optional.of(new Message(h.get(), List.copyOf(answers)));
        } catch (Wire.Truncated e) {
            return Optional.empty();
        }
    }

    /** The offset just past the name starting at {@code at}. */
    static int skipName(byte[] m, int at) {
        for (int labels = 0; labels < 128; labels++) {
            int len = Wire.u8(m, at);
            if (len == 0) return at + 1;
            if ((len & 0xc0) == 0xc0) {
                Wire.u8(m, at + 1);
                return at + 2;
            }
            if ((len & 0xc0) != 0) throw new Wire.Truncated();
            at += 1 + len;
        }
        throw new Wire.Truncated();
    }

    /** Reads a possibly compressed name as dotted text (no trailing dot). */
    public static String readName(byte[] m, int at) {
        StringBuilder name = new StringBuilder();
        int hops = 0;
        for (int labels = 0; labels < 128; labels++) {
            int len = Wire.u8(m, at);
            if (len == 0) return name.toString();
            if ((len & 0xc0) == 0xc0) {
                if (++hops > MAX_POINTER_HOPS) throw new Wire.Truncated();
                at = ((len & 0x3f) << 8) | Wire.u8(m, at + 1);
                continue;
            }
            if ((len & 0xc0) != 0) throw new Wire.Truncated();
            if (!name.isEmpty()) name.append('.');
            name.append(Wire.printable(Wire.ascii(m, at + 1, len), 63));
            if (name.length() > 255) throw new Wire.Truncated();
            at += 1 + len;
        }
        throw new Wire.Truncated();
    }

    /** The character-strings of a TXT record, joined. */
    public static String txt(byte[] data) {
        StringBuilder s = new StringBuilder();
        int at = 0;
        while (at < data.length && s.length() < 1024) {
            int len = data[at] & 0xff;
            if (at + 1 + len > data.length) break;
            s.append(new String(data, at + 1, len, StandardCharsets.ISO_8859_1));
            at += 1 + len;
        }
        return s.toString();
    }
}
