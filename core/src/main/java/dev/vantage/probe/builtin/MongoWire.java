package dev.vantage.probe.builtin;

import dev.vantage.probe.Connection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MongoDB's wire protocol, the part a probe and a check need: BSON documents of simple values,
 * commands as OP_QUERY on {@code admin.$cmd} (every version answers {@code isMaster} this way)
 * or as OP_MSG (3.6 and later; required from 5.1 for everything but the handshake), and their
 * replies. The BSON reader is bounded (depth, elements, sizes) and returns empty on anything
 * malformed.
 */
public final class MongoWire {
    static final int OP_REPLY = 1;
    static final int OP_QUERY = 2004;
    static final int OP_MSG = 2013;
    private static final int MAX_DOCUMENT = 4 * 1024 * 1024;
    private static final int MAX_DEPTH = 8;
    private static final int MAX_ELEMENTS = 2048;

    private MongoWire() {}

    // ---- BSON writing: the values commands need ----

    /** A BSON document from alternating keys and values (Integer, Boolean, String). */
    public static byte[] document(Object... keysAndValues) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            String key = (String) keysAndValues[i];
            Object v = keysAndValues[i + 1];
            switch (v) {
                case Integer n -> {
                    body.write(0x10);
                    cstring(body, key);
                    int32(body, n);
                }
                case Boolean b -> {
                    body.write(0x08);
                    cstring(body, key);
                    body.write(b ? 1 : 0);
                }
                case String s -> {
                    body.write(0x02);
                    cstring(body, key);
                    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
                    int32(body, bytes.length + 1);
                    body.writeBytes(bytes);
                    body.write(0);
                }
                default -> throw new IllegalArgumentException("unsupported BSON value " + v);
            }
        }
        ByteArrayOutputStream doc = new ByteArrayOutputStream();
        int32(doc, body.size() + 5);
        doc.writeBytes(body.toByteArray());
        doc.write(0);
        return doc.toByteArray();
    }

    /** A command as OP_QUERY on {@code <db>.$cmd}. */
    public static byte[] opQuery(int requestId, String db, byte[] command) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int32(body, 0);                                   // flags
        cstring(body, db + ".$cmd");
        int32(body, 0);                                   // skip
        int32(body, -1);                                  // return one document
        body.writeBytes(command);
        return message(requestId, OP_QUERY, body.toByteArray());
    }

    /** A command as OP_MSG (the document must carry {@code $db}). */
    public static byte[] opMsg(int requestId, byte[] command) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int32(body, 0);                                   // flag bits
        body.write(0);                                    // section kind 0: the body document
        body.writeBytes(command);
        return message(requestId, OP_MSG, body.toByteArray());
    }

    private static byte[] message(int requestId, int opCode, byte[] body) {
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        int32(m, 16 + body.length);
        int32(m, requestId);
        int32(m, 0);
        int32(m, opCode);
        m.writeBytes(body);
        return m.toByteArray();
    }

    private static void int32(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >> 8);
        out.write(v >> 16);
        out.write(v >> 24);
    }

    private static void cstring(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        out.write(0);
    }

    // ---- conversation ----

    /** Sends one message and reads its reply's first document; empty if the reply is not a MongoDB reply. */
    public static Optional<Map<String, Object>> call(Connection c, byte[] message) throws IOException {
        return call(c, message, DataProbes.LIKELY_PORT_WAIT);
    }

    /** As {@link #call(Connection, byte[])}, waiting at most {@code wait} for the reply to start. */
    static Optional<Map<String, Object>> call(Connection c, byte[] message, Duration wait) throws IOException {
        c.write(message);
        byte[] head = DataProbes.readStart(c, 16, wait);
        if (head.length == 0) return Optional.empty();
        int length = le32(head, 0);
        if (length < 16 + 5 || length > MAX_DOCUMENT) return Optional.empty();
        byte[] whole = new byte[length];
        System.arraycopy(head, 0, whole, 0, 16);
        byte[] rest = c.readExactly(length - 16);
        System.arraycopy(rest, 0, whole, 16, rest.length);
        return parseReply(whole);
    }

    /** The first document of an OP_REPLY or OP_MSG (kind 0 section); empty for anything else. */
    public static Optional<Map<String, Object>> parseReply(byte[] m) {
        try {
            if (m.length < 21) return Optional.empty();
            int length = le32(m, 0);
            if (length != m.length) return Optional.empty();
            int opCode = le32(m, 12);
            int at;
            if (opCode == OP_REPLY) {
                if (le32(m, 32) < 1) return Optional.empty();   // numberReturned
                at = 36;
            } else if (opCode == OP_MSG) {
                if (m[20] != 0) return Optional.empty();
                at = 21;
            } else {
                return Optional.empty();
            }
            return Optional.of(readDocument(m, at, 0));
        } catch (Bad e) {
            return Optional.empty();
        }
    }

    /** A BSON document read on its own (for the corpus tests). */
    public static Optional<Map<String, Object>> parseDocument(byte[] b) {
        try {
            return Optional.of(readDocument(b, 0, 0));
        } catch (Bad e) {
            return Optional.empty();
        }
    }

    private static final class Bad extends RuntimeException {
        Bad() {
            super("malformed BSON", null, false, false);
        }
    }

    private static int le32(byte[] b, int at) {
        if (at < 0 || at + 4 > b.length) throw new Bad();
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }

    private static long le64(byte[] b, int at) {
        return (le32(b, at) & 0xffffffffL) | ((long) le32(b, at + 4) << 32);
    }

    private static String cstringAt(byte[] b, int at, int end) {
        int z = at;
        while (z < end && b[z] != 0) z++;
        if (z >= end) throw new Bad();
        return new String(b, at, z - at, StandardCharsets.UTF_8);
    }

    private static Map<String, Object> readDocument(byte[] b, int at, int depth) {
        if (depth > MAX_DEPTH) throw new Bad();
        int size = le32(b, at);
        int end = at + size;
        if (size < 5 || end > b.length || b[end - 1] != 0) throw new Bad();
        Map<String, Object> doc = new LinkedHashMap<>();
        int p = at + 4;
        while (p < end - 1) {
            if (doc.size() >= MAX_ELEMENTS) throw new Bad();
            int type = b[p] & 0xff;
            String key = cstringAt(b, p + 1, end);
            p += 2 + key.getBytes(StandardCharsets.UTF_8).length;
            Object value;
            switch (type) {
                case 0x01 -> { value = Double.longBitsToDouble(le64(b, p)); p += 8; }
                case 0x02 -> {
                    int len = le32(b, p);
                    if (len < 1 || p + 4 + len > end) throw new Bad();
                    value = new String(b, p + 4, len - 1, StandardCharsets.UTF_8);
                    p += 4 + len;
                }
                case 0x03, 0x04 -> {
                    Map<String, Object> inner = readDocument(b, p, depth + 1);
                    value = type == 0x03 ? inner : new ArrayList<>(inner.values());
                    p += le32(b, p);
                }
                case 0x05 -> {
                    int len = le32(b, p);
                    if (len < 0 || p + 5 + len > end) throw new Bad();
                    value = "<binary>";
                    p += 5 + len;
                }
                case 0x07 -> { value = "<objectid>"; p += 12; }
                case 0x08 -> { value = b[p] != 0; p += 1; }
                case 0x09, 0x11 -> { value = le64(b, p); p += 8; }
                case 0x0a, 0x06, 0x7f, 0xff -> value = "<null>";
                case 0x10 -> { value = le32(b, p); p += 4; }
                case 0x12 -> { value = le64(b, p); p += 8; }
                case 0x13 -> { value = "<decimal>"; p += 16; }
                case 0x0b -> {
                    String pattern = cstringAt(b, p, end);
                    p += pattern.getBytes(StandardCharsets.UTF_8).length + 1;
                    String options = cstringAt(b, p, end);
                    p += options.getBytes(StandardCharsets.UTF_8).length + 1;
                    value = "<regex>";
                }
                default -> throw new Bad();
            }
            if (p > end) throw new Bad();
            doc.put(key, value);
        }
        return doc;
    }

    /** A number field as a long, whichever BSON number type carries it. */
    public static Optional<Long> number(Map<String, Object> doc, String key) {
        Object v = doc.get(key);
        if (v instanceof Integer i) return Optional.of((long) i);
        if (v instanceof Long l) return Optional.of(l);
        if (v instanceof Double d) return Optional.of(d.longValue());
        return Optional.empty();
    }

    /** Whether a command reply says {@code ok: 1}. */
    public static boolean ok(Map<String, Object> doc) {
        return number(doc, "ok").orElse(0L) == 1;
    }

    public static List<Object> list(Map<String, Object> doc, String key) {
        return doc.get(key) instanceof List<?> l ? new ArrayList<>(l) : List.of();
    }
}
