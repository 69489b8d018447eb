package dev.vantage.probe.builtin;

import dev.vantage.probe.Connection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * SMB dialect negotiation the way Windows clients do it ([MS-SMB2] 3.2.4.2.1): an SMB1
 * multi-protocol NEGOTIATE offering "NT LM 0.12", "SMB 2.002" and "SMB 2.???"; a server that
 * speaks SMB2 answers with an SMB2 NEGOTIATE response, and if it names the wildcard dialect
 * 0x02FF the client continues with an SMB2 NEGOTIATE (2.0.2 to 3.1.1) on the same connection. A
 * server that answers in SMB1 still runs the 30-year-old protocol of WannaCry's exploit.
 * Messages travel in NetBIOS session framing (4-byte header) on 445 and 139 alike.
 */
public final class SmbWire {
    private static final int MAX_MESSAGE = 64 * 1024;

    private SmbWire() {}

    /**
     * What negotiation found.
     *
     * @param dialect          "1" (SMB1 chosen), "2.0.2", "2.1", "3.0", "3.0.2", "3.1.1"
     * @param signingRequired  whether the server insists on signed messages
     */
    public record Negotiated(String dialect, boolean signingRequired) {
        public boolean smb1() {
            return dialect.equals("1");
        }
    }

    /** Runs the negotiation on a connection (after the NetBIOS session request on 139). */
    public static Optional<Negotiated> negotiate(Connection c, Duration wait) throws IOException {
        c.write(frame(smb1Negotiate()));
        Optional<Negotiated> first = parseNegotiate(readFrame(c, wait));
        if (first.isEmpty() || !first.get().dialect().equals("2.???")) return first;
        c.write(frame(smb2Negotiate(1)));
        return parseNegotiate(readFrame(c, DataProbes.LIKELY_PORT_WAIT));
    }

    static byte[] frame(byte[] smb) {
        byte[] f = new byte[4 + smb.length];
        f[1] = (byte) (smb.length >> 16);
        f[2] = (byte) (smb.length >> 8);
        f[3] = (byte) smb.length;
        System.arraycopy(smb, 0, f, 4, smb.length);
        return f;
    }

    static byte[] readFrame(Connection c, Duration wait) throws IOException {
        byte[] head = DataProbes.readStart(c, 4, wait);
        if (head.length < 4 || head[0] != 0) throw new IOException("not a NetBIOS session message");
        int len = ((head[1] & 0x01) << 16) | ((head[2] & 0xff) << 8) | (head[3] & 0xff);
        if (len < 4 || len > MAX_MESSAGE) throw new IOException("SMB message of " + len + " bytes");
        return c.readExactly(len);
    }

    static byte[] smb1Negotiate() {
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        m.writeBytes(new byte[] {(byte) 0xff, 'S', 'M', 'B', 0x72, 0, 0, 0, 0, 0x18, 0x01, (byte) 0xc8});
        m.writeBytes(new byte[12]);                                            // PID high, signature, reserved
        m.writeBytes(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xfe, 0, 0, 0, 0});   // TID, PID, UID, MID
        ByteArrayOutputStream dialects = new ByteArrayOutputStream();
        for (String d : new String[] {"NT LM 0.12", "SMB 2.002", "SMB 2.???"}) {
            dialects.write(2);
            dialects.writeBytes(d.getBytes(StandardCharsets.US_ASCII));
            dialects.write(0);
        }
        m.write(0);                                                            // word count
        m.write(dialects.size());
        m.write(dialects.size() >> 8);
        m.writeBytes(dialects.toByteArray());
        return m.toByteArray();
    }

    static byte[] smb2Negotiate(long messageId) {
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        m.writeBytes(new byte[] {(byte) 0xfe, 'S', 'M', 'B', 64, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0});
        m.writeBytes(new byte[8]);                                             // flags, next command
        le(m, messageId, 8);
        m.writeBytes(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 0});              // process id
        m.writeBytes(new byte[4 + 8 + 16]);                                    // tree id, session id, signature
        int[] dialects = {0x0202, 0x0210, 0x0300, 0x0302, 0x0311};
        int contextOffset = 64 + 36 + dialects.length * 2;
        contextOffset = (contextOffset + 7) & ~7;
        le(m, 36, 2);
        le(m, dialects.length, 2);
        le(m, 1, 2);                                                           // signing enabled
        le(m, 0, 2);
        le(m, 0, 4);                                                           // capabilities
        m.writeBytes("vantage-check-id".getBytes(StandardCharsets.US_ASCII));   // client GUID, 16 bytes
        le(m, contextOffset, 4);
        le(m, 2, 2);
        le(m, 0, 2);
        for (int d : dialects) le(m, d, 2);
        while (m.size() < contextOffset) m.write(0);
        le(m, 1, 2);                                                           // preauth integrity: SHA-512, 32-byte salt
        le(m, 38, 2);
        le(m, 0, 4);
        le(m, 1, 2);
        le(m, 32, 2);
        le(m, 1, 2);
        m.writeBytes("vantage-check-preauth-salt-32byt".getBytes(StandardCharsets.US_ASCII));
        while (m.size() % 8 != 0) m.write(0);
        le(m, 2, 2);                                                           // encryption: AES-128-GCM, AES-128-CCM
        le(m, 6, 2);
        le(m, 0, 4);
        le(m, 2, 2);
        le(m, 2, 2);
        le(m, 1, 2);
        return m.toByteArray();
    }

    private static void le(ByteArrayOutputStream out, long v, int bytes) {
        for (int i = 0; i < bytes; i++) out.write((int) (v >> (8 * i)));
    }

    /** Reads an SMB1 or SMB2 NEGOTIATE response (without the NetBIOS header); public for the corpus tests. */
    public static Optional<Negotiated> parseNegotiate(byte[] m) {
        if (m.length >= 64 + 8 && (m[0] & 0xff) == 0xfe && m[1] == 'S' && m[2] == 'M' && m[3] == 'B') {
            int status = le32(m, 8);
            int command = le16(m, 12);
            if (command != 0 || status != 0 || le16(m, 64) != 65) return Optional.empty();
            int security = le16(m, 66);
            int dialect = le16(m, 68);
            String name = switch (dialect) {
                case 0x0202 -> "2.0.2";
                case 0x0210 -> "2.1";
                case 0x0300 -> "3.0";
                case 0x0302 -> "3.0.2";
                case 0x0311 -> "3.1.1";
                case 0x02ff -> "2.???";
                default -> null;
            };
            if (name == null) return Optional.empty();
            return Optional.of(new Negotiated(name, (security & 0x02) != 0));
        }
        if (m.length >= 35 && (m[0] & 0xff) == 0xff && m[1] == 'S' && m[2] == 'M' && m[3] == 'B' && m[4] == 0x72) {
            if (le32(m, 5) != 0 || (m[32] & 0xff) < 1) return Optional.empty();
            int index = le16(m, 33);
            if (index != 0) return Optional.empty();          // only "NT LM 0.12" is SMB1 among ours
            int securityMode = m.length > 35 ? m[35] & 0xff : 0;
            return Optional.of(new Negotiated("1", (securityMode & 0x08) != 0));
        }
        return Optional.empty();
    }

    private static int le16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static int le32(byte[] b, int at) {
        return le16(b, at) | le16(b, at + 2) << 16;
    }
}
