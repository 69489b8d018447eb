package dev.vantage.check.builtin;

import dev.vantage.check.Finding;
import dev.vantage.probe.Service;
import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The TLS checks against a loopback server that reads our hand-built hello and answers with what
 * nginx answered to the same hello (the corpus captures), directly or after SMTP STARTTLS.
 */
class TlsChecksTest {
    /** What the legacy nginx config (TLS 1.0 to 1.2) answered, by offered version. */
    private static final Map<String, String> LEGACY = Map.of(
            "ssl2", "nginx-ssl2-hello-protocol-version.bin",
            "0300", "nginx-ssl3-handshake-failure.bin",
            "0301", "nginx-tls10-accepted.bin",
            "0302", "nginx-tls11-accepted.bin",
            "0303", "nginx-tls12-accepted.bin");
    /** What a TLS 1.2/1.3 nginx answers. */
    private static final Map<String, String> MODERN = Map.of(
            "ssl2", "nginx-ssl2-hello-protocol-version.bin",
            "0300", "nginx-ssl3-handshake-failure.bin",
            "0301", "nginx-modern-tls10-refused.bin",
            "0302", "nginx-modern-tls10-refused.bin",
            "0303", "nginx-tls12-accepted.bin");

    private static byte[] corpus(String name) throws IOException {
        try (InputStream in = TlsChecksTest.class.getResourceAsStream("/corpus/tls/" + name)) {
            return in.readAllBytes();
        }
    }

    /** Reads one ClientHello and answers with the capture for its version. */
    private static void answer(InputStream in, OutputStream out, Map<String, String> answers) throws IOException {
        DataInputStream d = new DataInputStream(in);
        int first = d.readUnsignedByte();
        String key;
        if ((first & 0x80) != 0) {
            d.readFully(new byte[((first & 0x7f) << 8 | d.readUnsignedByte())]);
            key = "ssl2";
        } else {
            byte[] head = new byte[4];
            d.readFully(head);
            byte[] body = new byte[((head[2] & 0xff) << 8) | (head[3] & 0xff)];
            d.readFully(body);
            key = String.format("%02x%02x", body[4], body[5]);
        }
        out.write(corpus(answers.get(key)));
        out.flush();
    }

    private static List<String> ids(List<Finding> f) {
        return f.stream().map(Finding::id).sorted().toList();
    }

    @Test
    void legacyVersionsAreFoundOnADirectTlsPort() throws Exception {
        try (InfraFakeServer s = new InfraFakeServer((in, out) -> answer(in, out, LEGACY))) {
            Service https = Service.of("http", "nginx", "1.22.1", null).withTls();
            List<Finding> f = new TlsVersionsCheck().run(InfraCheckContext.of("www.lab.test", s.port(), https));
            assertEquals(List.of("tls-1.0", "tls-1.1"), ids(f));
            assertTrue(f.get(0).evidence().contains("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"), f.get(0).evidence());
            assertEquals(4, s.connections.get(), "one connection per version");
        }
    }

    @Test
    void aModernServerHasNoVersionFindings() throws Exception {
        try (InfraFakeServer s = new InfraFakeServer((in, out) -> answer(in, out, MODERN))) {
            Service https = Service.of("http", "nginx", "1.22.1", null).withTls();
            assertEquals(List.of(), new TlsVersionsCheck().run(InfraCheckContext.of("www.lab.test", s.port(), https)));
        }
    }

    @Test
    void theCertificateIsReadFromTheTls12Flight() throws Exception {
        try (InfraFakeServer s = new InfraFakeServer((in, out) -> answer(in, out, LEGACY))) {
            Service https = Service.of("http", null, null, null).withTls();
            List<String> found = ids(new TlsCertificateCheck().run(InfraCheckContext.of("www.lab.test", s.port(), https)));
            assertTrue(found.contains("tls-cert-self-signed"), found.toString());
            assertTrue(!found.contains("tls-cert-name-mismatch"), found.toString());
            List<String> other = ids(new TlsCertificateCheck().run(InfraCheckContext.of("mail.other.test", s.port(), https)));
            assertTrue(other.contains("tls-cert-name-mismatch"), other.toString());
        }
    }

    @Test
    void smtpStartTlsLeadsToTheSameJudgement() throws Exception {
        try (InfraFakeServer s = new InfraFakeServer((in, out) -> {
            out.write("220 mail.lab.test ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InfraFakeServer.readLine(in);   // EHLO
            out.write("250-mail.lab.test\r\n250-PIPELINING\r\n250 STARTTLS\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (!"STARTTLS".equals(InfraFakeServer.readLine(in))) return;
            out.write("220 2.0.0 Ready to start TLS\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            answer(in, out, LEGACY);
        })) {
            Service smtp = Service.of("smtp", "Postfix smtpd", null, null);
            List<Finding> f = new TlsVersionsCheck().run(InfraCheckContext.of("mail.lab.test", s.port(), smtp));
            assertEquals(List.of("tls-1.0", "tls-1.1"), ids(f));
            assertTrue(f.get(0).evidence().contains("over STARTTLS"), f.get(0).evidence());
        }
    }

    @Test
    void noStartTlsOfferedMeansNothingToJudge() throws Exception {
        try (InfraFakeServer s = new InfraFakeServer((in, out) -> {
            out.write("220 mail.lab.test ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InfraFakeServer.readLine(in);
            out.write("250-mail.lab.test\r\n250 PIPELINING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InfraFakeServer.readLine(in);
        })) {
            Service smtp = Service.of("smtp", null, null, null);
            assertEquals(List.of(), new TlsVersionsCheck().run(InfraCheckContext.of("mail.lab.test", s.port(), smtp)));
            assertEquals(List.of(), new TlsCertificateCheck().run(InfraCheckContext.of("mail.lab.test", s.port(), smtp)));
        }
    }

    @Test
    void aPlainServiceWithoutStartTlsIsSkipped() throws Exception {
        Service http = Service.of("http", null, null, null);
        assertEquals(List.of(), new TlsVersionsCheck().run(InfraCheckContext.of("www.lab.test", 9, http)));
    }
}
