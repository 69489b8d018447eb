package dev.vantage.probe.dns;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A DNS message (RFC 1035 §4): header, questions and the three record sections.
 * {@link #parse} reads one from wire format and never throws; {@link #query} builds a query.
 *
 * @param id    the transaction id
 * @param flags the 16 header flag bits (QR, opcode, AA, TC, RD, RA, Z, RCODE)
 */
public record DnsMessage(int id, int flags, List<Question> questions, List<DnsRecord> answers,
                         List<DnsRecord> authority, List<DnsRecord> additional) {

    public static final int TYPE_A = 1;
    public static final int TYPE_NS = 2;
    public static final int TYPE_CNAME = 5;
    public static final int TYPE_SOA = 6;
    public static final int TYPE_PTR = 12;
    public static final int TYPE_TXT = 16;
    public static final int TYPE_AAAA = 28;
    public static final int TYPE_AXFR = 252;
    public static final int CLASS_IN = 1;
    public static final int CLASS_CH = 3;

    public static final int NOERROR = 0;
    public static final int SERVFAIL = 2;
    public static final int NXDOMAIN = 3;
    public static final int REFUSED = 5;

    /** No honest message has more records than this; a count above it is hostile or garbage. */
    private static final int MAX_RECORDS = 8192;

    public record Question(String name, int type, int klass) {}

    public DnsMessage {
        questions = List.copyOf(questions);
        answers = List.copyOf(answers);
        authority = List.copyOf(authority);
        additional = List.copyOf(additional);
    }

    public boolean isResponse() {
        return (flags & 0x8000) != 0;
    }

    public boolean authoritative() {
        return (flags & 0x0400) != 0;
    }

    public boolean truncated() {
        return (flags & 0x0200) != 0;
    }

    public boolean recursionDesired() {
        return (flags & 0x0100) != 0;
    }

    public boolean recursionAvailable() {
        return (flags & 0x0080) != 0;
    }

    public int rcode() {
        return flags & 0x000f;
    }

    /** "NOERROR", "REFUSED", ... for evidence. */
    public String rcodeName() {
        return switch (rcode()) {
            case 0 -> "NOERROR";
            case 1 -> "FORMERR";
            case 2 -> "SERVFAIL";
            case 3 -> "NXDOMAIN";
            case 4 -> "NOTIMP";
            case 5 -> "REFUSED";
            default -> "RCODE" + rcode();
        };
    }

    /** The header flags as dig prints them ("qr aa rd ra"), for evidence. */
    public String flagNames() {
        List<String> f = new ArrayList<>();
        if (isResponse()) f.add("qr");
        if (authoritative()) f.add("aa");
        if (truncated()) f.add("tc");
        if (recursionDesired()) f.add("rd");
        if (recursionAvailable()) f.add("ra");
        return String.join(" ", f);
    }

    /** A query with one question; {@code name} in presentation form ("lab.test", "." for the root). */
    public static byte[] query(int id, String name, int type, int klass, boolean recursionDesired) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeShort(out, id);
        writeShort(out, recursionDesired ? 0x0100 : 0);
        writeShort(out, 1);
        writeShort(out, 0);
        writeShort(out, 0);
        writeShort(out, 0);
        writeName(out, name);
        writeShort(out, type);
        writeShort(out, klass);
        return out.toByteArray();
    }

    private static void writeShort(ByteArrayOutputStream out, int v) {
        out.write((v >> 8) & 0xff);
        out.write(v & 0xff);
    }

    private static void writeName(ByteArrayOutputStream out, String name) {
        String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (!n.isEmpty()) {
            for (String label : n.split("\\.", -1)) {
                byte[] b = label.getBytes(StandardCharsets.US_ASCII);
                if (b.length == 0 || b.length > 63) throw new IllegalArgumentException("bad DNS name: " + name);
                out.write(b.length);
                out.write(b, 0, b.length);
            }
        }
        out.write(0);
    }

    /** Reads a message; empty if the bytes are not a well-formed DNS message. */
    public static Optional<DnsMessage> parse(byte[] wire) {
        try {
            return Optional.of(new Reader(wire).message());
        } catch (BadMessage | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The reverse-lookup name of an address: 4.3.2.1.in-addr.arpa, or the nibbles under ip6.arpa. */
    public static String reverseName(byte[] address) {
        StringBuilder s = new StringBuilder();
        if (address.length == 4) {
            for (int i = 3; i >= 0; i--) s.append(address[i] & 0xff).append('.');
            return s.append("in-addr.arpa").toString();
        }
        for (int i = address.length - 1; i >= 0; i--) {
            s.append(Character.forDigit(address[i] & 0xf, 16)).append('.');
            s.append(Character.forDigit((address[i] >> 4) & 0xf, 16)).append('.');
        }
        return s.append("ip6.arpa").toString();
    }

    private static final class BadMessage extends Exception {
        BadMessage(String why) {
            super(why, null, false, false);
        }
    }

    /** A bounded cursor over the wire bytes; every read checks the end. */
    private static final class Reader {
        private final byte[] b;
        private int pos;

        Reader(byte[] b) {
            this.b = b;
        }

        DnsMessage message() throws BadMessage {
            int id = u16();
            int flags = u16();
            int qd = u16();
            int an = u16();
            int ns = u16();
            int ar = u16();
            if (qd + an + ns + ar > MAX_RECORDS) throw new BadMessage("too many records");
            List<Question> questions = new ArrayList<>();
            for (int i = 0; i < qd; i++) questions.add(new Question(name(), u16(), u16()));
            return new DnsMessage(id, flags, questions, records(an), records(ns), records(ar));
        }

        private List<DnsRecord> records(int count) throws BadMessage {
            List<DnsRecord> list = new ArrayList<>();
            for (int i = 0; i < count; i++) list.add(record());
            return list;
        }

        private DnsRecord record() throws BadMessage {
            String name = name();
            int type = u16();
            int klass = u16();
            long ttl = u32();
            int length = u16();
            int start = pos;
            int end = start + length;
            if (end > b.length) throw new BadMessage("record data runs past the end");
            byte[] rdata = java.util.Arrays.copyOfRange(b, start, end);
            String data = rdataText(type, start, end);
            pos = end;
            return new DnsRecord(name, type, klass, ttl, rdata, data);
        }

        private String rdataText(int type, int start, int end) throws BadMessage {
            pos = start;
            switch (type) {
                case TYPE_NS, TYPE_CNAME, TYPE_PTR -> {
                    return name();
                }
                case TYPE_SOA -> {
                    String mname = name();
                    String rname = name();
                    long serial = u32();
                    return mname + " " + rname + " " + serial;
                }
                case TYPE_TXT -> {
                    StringBuilder s = new StringBuilder();
                    while (pos < end) {
                        int len = u8();
                        if (pos + len > end) throw new BadMessage("TXT string runs past its record");
                        if (!s.isEmpty()) s.append(' ');
                        s.append(printable(b, pos, len, false));
                        pos += len;
                    }
                    return s.toString();
                }
                case TYPE_A, TYPE_AAAA -> {
                    int len = end - start;
                    if (len != 4 && len != 16) return "";
                    try {
                        return java.net.InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, start, end)).getHostAddress();
                    } catch (java.net.UnknownHostException e) {
                        return "";
                    }
                }
                default -> {
                    return "";
                }
            }
        }

        /** A possibly compressed name; pointer jumps are bounded so a loop cannot hang us. */
        String name() throws BadMessage {
            StringBuilder s = new StringBuilder();
            int at = pos;
            int jumps = 0;
            int resumeAt = -1;
            int length = 0;
            while (true) {
                if (at >= b.length) throw new BadMessage("name runs past the end");
                int len = b[at] & 0xff;
                if ((len & 0xc0) == 0xc0) {
                    if (at + 1 >= b.length) throw new BadMessage("truncated pointer");
                    if (++jumps > 32) throw new BadMessage("compression loop");
                    if (resumeAt < 0) resumeAt = at + 2;
                    at = ((len & 0x3f) << 8) | (b[at + 1] & 0xff);
                    continue;
                }
                if ((len & 0xc0) != 0) throw new BadMessage("unknown label type");
                if (len == 0) {
                    at++;
                    break;
                }
                length += len + 1;
                if (length > 255) throw new BadMessage("name longer than 255 bytes");
                if (at + 1 + len > b.length) throw new BadMessage("label runs past the end");
                if (!s.isEmpty()) s.append('.');
                s.append(printable(b, at + 1, len, true));
                at += 1 + len;
            }
            pos = resumeAt >= 0 ? resumeAt : at;
            return s.isEmpty() ? "." : s.toString();
        }

        int u8() throws BadMessage {
            if (pos + 1 > b.length) throw new BadMessage("truncated");
            return b[pos++] & 0xff;
        }

        int u16() throws BadMessage {
            if (pos + 2 > b.length) throw new BadMessage("truncated");
            int v = ((b[pos] & 0xff) << 8) | (b[pos + 1] & 0xff);
            pos += 2;
            return v;
        }

        long u32() throws BadMessage {
            return ((long) u16() << 16) | u16();
        }
    }

    /** Text of a label (dots escaped) or character-string, non-printables escaped as dig does. */
    static String printable(byte[] b, int off, int len, boolean label) {
        StringBuilder s = new StringBuilder(len);
        for (int i = off; i < off + len; i++) {
            int c = b[i] & 0xff;
            if ((label && c == '.') || c == '\\') s.append('\\').append((char) c);
            else if (c >= 0x20 && c < 0x7f) s.append((char) c);
            else s.append(String.format("\\%03d", c));
        }
        return s.toString();
    }
}
