package dev.vantage.probe.tls;

import dev.vantage.probe.Connection;
import org.jspecify.annotations.Nullable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Optional;

/**
 * Offers one protocol version on a fresh connection (already past STARTTLS where there is one)
 * and reads the server's first flight, record by record, through the bounded {@link Connection}.
 * The handshake is never finished: we learn what the server chose and hang up.
 */
public final class TlsProber {
    private static final int MAX_RECORDS = 64;
    private static final int MAX_RECORD = 16384 + 2048;

    /**
     * What happened to one offer.
     *
     * @param accepted the server chose exactly the offered version
     * @param detail   what it answered, for evidence ("TLSv1.0 with cipher suite ...", "fatal alert protocol_version")
     * @param certificates the DER certificates it sent (TLS 1.2 and older send them in the clear)
     */
    public record Attempt(TlsVersion offered, boolean accepted, String detail, List<byte[]> certificates) {
        public Attempt {
            certificates = certificates.stream().map(byte[]::clone).toList();
        }
    }

    private TlsProber() {}

    /** Offers {@code version} (SSL 3.0 to TLS 1.2); with {@code wantCertificates}, reads on to the Certificate message. */
    public static Attempt offer(Connection c, TlsVersion version, @Nullable String serverName, boolean wantCertificates)
            throws IOException {
        if (version == TlsVersion.SSL_2_0) return offerSsl2(c);
        c.write(ClientHello.build(version, serverName));
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        ServerFlight flight = ServerFlight.parse(new byte[0]);
        for (int i = 0; i < MAX_RECORDS; i++) {
            byte[] header;
            try {
                header = c.readExactly(5);
            } catch (SocketTimeoutException e) {
                return refused(version, flight, "no answer in time");
            } catch (IOException e) {
                return refused(version, flight, "the server closed the connection");
            }
            got.write(header, 0, header.length);
            int length = ((header[3] & 0xff) << 8) | (header[4] & 0xff);
            if (length <= MAX_RECORD && (header[1] & 0xff) == 3) {
                try {
                    got.writeBytes(c.readExactly(length));
                } catch (IOException e) {
                    return refused(version, flight, "the server closed the connection mid-record");
                }
            }
            flight = ServerFlight.parse(got.toByteArray());
            if (flight.notTls()) return refused(version, flight, "the answer is not TLS: " + Connection.excerpt(got.toByteArray(), 40));
            ServerFlight.Alert alert = flight.alert();
            if (alert != null) return refused(version, flight, alert.describe());
            ServerFlight.ServerHello hello = flight.hello();
            if (hello != null && hello.version() != version.code()) {
                return refused(version, flight, "the server answered with " + TlsVersion.label(hello.version()));
            }
            if (hello != null && (!wantCertificates || flight.certificatesSeen() || flight.helloDone())) break;
            if (!flight.needMore() && hello == null) return refused(version, flight, "no ServerHello");
        }
        ServerFlight.ServerHello hello = flight.hello();
        if (hello == null) return refused(version, flight, "no ServerHello");
        return new Attempt(version, true, hello.describe(), flight.certificates());
    }

    private static Attempt refused(TlsVersion version, ServerFlight flight, String why) {
        return new Attempt(version, false, why, flight.certificates());
    }

    /** Offers SSL 2.0 with its own hello format. */
    public static Attempt offerSsl2(Connection c) throws IOException {
        c.write(Ssl2Hello.clientHello());
        byte[] head;
        try {
            head = c.readExactly(2);
        } catch (SocketTimeoutException e) {
            return new Attempt(TlsVersion.SSL_2_0, false, "no answer in time", List.of());
        } catch (IOException e) {
            return new Attempt(TlsVersion.SSL_2_0, false, "the server closed the connection", List.of());
        }
        if ((head[0] & 0x80) == 0) {
            return new Attempt(TlsVersion.SSL_2_0, false, "the server answered in TLS format, not SSL 2", List.of());
        }
        int length = ((head[0] & 0x7f) << 8) | (head[1] & 0xff);
        byte[] body;
        try {
            body = c.readExactly(length);
        } catch (IOException e) {
            return new Attempt(TlsVersion.SSL_2_0, false, "the server closed the connection mid-record", List.of());
        }
        byte[] all = new byte[2 + body.length];
        System.arraycopy(head, 0, all, 0, 2);
        System.arraycopy(body, 0, all, 2, body.length);
        Optional<Ssl2Hello.ServerHello> hello = Ssl2Hello.parse(all);
        if (hello.isEmpty() || hello.get().version() != 2) {
            return new Attempt(TlsVersion.SSL_2_0, false, "no SSL 2 SERVER-HELLO", List.of());
        }
        byte[] cert = hello.get().certificate();
        return new Attempt(TlsVersion.SSL_2_0, true, "SSLv2 SERVER-HELLO offering " + hello.get().cipherKinds() + " cipher kinds",
                cert.length > 0 ? List.of(cert) : List.of());
    }
}
