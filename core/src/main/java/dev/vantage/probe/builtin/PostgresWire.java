package dev.vantage.probe.builtin;

import dev.vantage.probe.Connection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * PostgreSQL's frontend/backend protocol, the first steps only: SSLRequest, StartupMessage, and
 * the server's first message — an ErrorResponse (fields by one-letter code) or an
 * AuthenticationRequest (which method pg_hba.conf asks for).
 */
public final class PostgresWire {
    /** The SSLRequest: length 8, code 1234.5679. */
    static final byte[] SSL_REQUEST = {0, 0, 0, 8, 0x04, (byte) 0xd2, 0x16, 0x2f};
    /** A StartupMessage with a protocol version no server speaks (9999.0): every version answers with an error. */
    static final byte[] UNSUPPORTED_STARTUP = {0, 0, 0, 8, 0x27, 0x0f, 0, 0};
    private static final int MAX_MESSAGE = 16 * 1024;

    private PostgresWire() {}

    /**
     * The server's first message.
     *
     * @param type      'E' (error) or 'R' (authentication request)
     * @param fields    an error's fields: 'S' severity, 'V' severity not localised (9.6+), 'C' SQLSTATE,
     *                  'M' message, 'F' source file, 'L' line, 'R' routine
     * @param authCode  an authentication request's code (0 ok, 3 cleartext, 5 MD5, 10 SASL), or -1
     */
    public record BackendMessage(char type, Map<String, String> fields, int authCode) {
        public BackendMessage {
            fields = Map.copyOf(fields);
        }
    }

    /** The SSLRequest message. */
    public static byte[] sslRequest() {
        return SSL_REQUEST.clone();
    }

    /** A protocol 3.0 StartupMessage for a user and database. */
    public static byte[] startupMessage(String user, String database) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0, 3, 0, 0});
        for (String s : new String[] {"user", user, "database", database, "application_name", "vantage-check"}) {
            body.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            body.write(0);
        }
        body.write(0);
        int len = body.size() + 4;
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        m.writeBytes(new byte[] {(byte) (len >> 24), (byte) (len >> 16), (byte) (len >> 8), (byte) len});
        m.writeBytes(body.toByteArray());
        return m.toByteArray();
    }

    /** Reads one backend message (type byte, length, body) from the connection. */
    public static Optional<BackendMessage> readMessage(Connection c) throws IOException {
        byte[] head = c.readExactly(5);
        int len = ((head[1] & 0xff) << 24) | ((head[2] & 0xff) << 16) | ((head[3] & 0xff) << 8) | (head[4] & 0xff);
        if (len < 4 || len > MAX_MESSAGE) return Optional.empty();
        byte[] body = c.readExactly(len - 4);
        byte[] whole = new byte[5 + body.length];
        System.arraycopy(head, 0, whole, 0, 5);
        System.arraycopy(body, 0, whole, 5, body.length);
        return parse(whole);
    }

    /** Parses one backend message; empty if it is neither a well-formed ErrorResponse nor AuthenticationRequest. */
    public static Optional<BackendMessage> parse(byte[] m) {
        if (m.length < 9) return Optional.empty();
        char type = (char) (m[0] & 0xff);
        int len = ((m[1] & 0xff) << 24) | ((m[2] & 0xff) << 16) | ((m[3] & 0xff) << 8) | (m[4] & 0xff);
        if (len < 8 || len > MAX_MESSAGE || len + 1 > m.length) return Optional.empty();
        int end = 1 + len;
        if (type == 'R') {
            int code = ((m[5] & 0xff) << 24) | ((m[6] & 0xff) << 16) | ((m[7] & 0xff) << 8) | (m[8] & 0xff);
            if (code < 0 || code > 12) return Optional.empty();
            return Optional.of(new BackendMessage('R', Map.of(), code));
        }
        if (type != 'E') return Optional.empty();
        Map<String, String> fields = new LinkedHashMap<>();
        int at = 5;
        while (at < end && m[at] != 0 && fields.size() < 32) {
            char code = (char) (m[at] & 0xff);
            int z = at + 1;
            while (z < end && m[z] != 0) z++;
            if (z >= end) return Optional.empty();
            fields.put(String.valueOf(code), new String(m, at + 1, z - at - 1, StandardCharsets.UTF_8));
            at = z + 1;
        }
        if (!fields.containsKey("S") || !fields.containsKey("M")) return Optional.empty();
        return Optional.of(new BackendMessage('E', fields, -1));
    }

    /** The name of an authentication method code. */
    public static String authMethodName(int code) {
        return switch (code) {
            case 0 -> "none (trust)";
            case 2 -> "Kerberos V5";
            case 3 -> "cleartext password";
            case 5 -> "MD5 password";
            case 7 -> "GSSAPI";
            case 9 -> "SSPI";
            case 10 -> "SASL (SCRAM)";
            default -> "method " + code;
        };
    }
}
