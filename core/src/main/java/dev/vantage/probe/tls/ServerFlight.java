package dev.vantage.probe.tls;

import org.jspecify.annotations.Nullable;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a server sent back to our ClientHello, parsed from the raw bytes of its TLS records:
 * the ServerHello, the certificate chain (TLS 1.2 and older send it in the clear), or an alert.
 * {@link #parse} is pure and never throws, so it is fuzzed and replayed from a corpus.
 *
 * @param hello        the ServerHello, if one arrived whole
 * @param alert        the alert, if the server sent one before or instead of its hello
 * @param certificates the DER certificates of the Certificate message, leaf first (empty until it arrives)
 * @param certificatesSeen whether the Certificate message arrived whole
 * @param helloDone    whether ServerHelloDone arrived (the end of the server's first flight)
 * @param notTls       the bytes are not TLS records at all
 * @param needMore     the data ends inside a record or message: reading more may complete it
 */
public record ServerFlight(@Nullable ServerHello hello, @Nullable Alert alert, List<byte[]> certificates,
                           boolean certificatesSeen, boolean helloDone, boolean notTls, boolean needMore) {

    /** The server's choice. */
    public record ServerHello(int version, int cipherSuite) {
        public String describe() {
            return TlsVersion.label(version) + " with cipher suite " + CipherSuites.name(cipherSuite);
        }
    }

    /** A TLS alert. */
    public record Alert(int level, int description) {
        public String describe() {
            return (level == 2 ? "fatal" : "warning") + " alert " + AlertNames.name(description);
        }
    }

    private static final int MAX_RECORD = 16384 + 2048;
    private static final int MAX_CERTIFICATES = 16;

    public ServerFlight {
        certificates = certificates.stream().map(byte[]::clone).toList();
    }

    /** Parses the records in {@code data}, from its first byte. */
    public static ServerFlight parse(byte[] data) {
        ServerHello hello = null;
        Alert alert = null;
        List<byte[]> certs = new ArrayList<>();
        boolean certsSeen = false;
        boolean done = false;
        ByteArrayOutputStream handshake = new ByteArrayOutputStream();
        int pos = 0;
        int consumed = 0;   // bytes of the handshake stream already parsed into messages
        while (pos < data.length) {
            if (data.length - pos < 5) return new ServerFlight(hello, alert, certs, certsSeen, done, false, true);
            int type = data[pos] & 0xff;
            int major = data[pos + 1] & 0xff;
            int length = u16(data, pos + 3);
            if (type < 20 || type > 23 || major != 3 || length > MAX_RECORD) {
                boolean garbage = pos == 0;
                return new ServerFlight(hello, alert, certs, certsSeen, done, garbage, false);
            }
            if (data.length - pos - 5 < length) return new ServerFlight(hello, alert, certs, certsSeen, done, false, true);
            int body = pos + 5;
            pos = body + length;
            if (type == 21) {
                if (length >= 2) alert = new Alert(data[body] & 0xff, data[body + 1] & 0xff);
                return new ServerFlight(hello, alert, certs, certsSeen, done, false, false);
            }
            if (type != 22) continue;   // a ChangeCipherSpec or data after the hello ends nothing we read
            handshake.write(data, body, length);
            byte[] hs = handshake.toByteArray();
            while (hs.length - consumed >= 4) {
                int msgType = hs[consumed] & 0xff;
                int msgLength = u24(hs, consumed + 1);
                if (hs.length - consumed - 4 < msgLength) break;
                int start = consumed + 4;
                consumed = start + msgLength;
                switch (msgType) {
                    case 2 -> hello = serverHello(hs, start, msgLength);
                    case 11 -> {
                        certs = certificates(hs, start, msgLength);
                        certsSeen = true;
                    }
                    case 14 -> done = true;
                    default -> { }
                }
                if (msgType == 2 && hello == null) return new ServerFlight(null, null, certs, false, false, true, false);
            }
        }
        boolean incomplete = handshake.size() > consumed || (hello == null && alert == null);
        return new ServerFlight(hello, alert, certs, certsSeen, done, false, incomplete);
    }

    private static @Nullable ServerHello serverHello(byte[] b, int off, int len) {
        // version(2) random(32) session_id(1+n) cipher_suite(2) compression(1) [extensions]
        if (len < 38) return null;
        int version = u16(b, off);
        int sid = b[off + 34] & 0xff;
        if (35 + sid + 3 > len) return null;
        int suite = u16(b, off + 35 + sid);
        return new ServerHello(version, suite);
    }

    private static List<byte[]> certificates(byte[] b, int off, int len) {
        List<byte[]> out = new ArrayList<>();
        if (len < 3) return out;
        int end = Math.min(off + 3 + u24(b, off), off + len);
        int p = off + 3;
        while (p + 3 <= end && out.size() < MAX_CERTIFICATES) {
            int n = u24(b, p);
            if (p + 3 + n > end) break;
            out.add(Arrays.copyOfRange(b, p + 3, p + 3 + n));
            p += 3 + n;
        }
        return out;
    }

    private static int u16(byte[] b, int off) {
        return ((b[off] & 0xff) << 8) | (b[off + 1] & 0xff);
    }

    private static int u24(byte[] b, int off) {
        return ((b[off] & 0xff) << 16) | ((b[off + 1] & 0xff) << 8) | (b[off + 2] & 0xff);
    }
}
