package dev.vantage.probe.tls;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shape of our hand-built hellos: one version offered, no supported_versions, SNI only for names. */
class ClientHelloTest {
    private static int u16(byte[] b, int off) {
        return ((b[off] & 0xff) << 8) | (b[off + 1] & 0xff);
    }

    @Test
    void oneVersionPerHello() {
        for (TlsVersion v : new TlsVersion[] {TlsVersion.SSL_3_0, TlsVersion.TLS_1_0, TlsVersion.TLS_1_1, TlsVersion.TLS_1_2}) {
            byte[] h = ClientHello.build(v, "www.lab.test");
            assertEquals(22, h[0]);
            assertEquals(h.length - 5, u16(h, 3), "record length");
            assertEquals(1, h[5], "ClientHello");
            assertEquals(v.code(), u16(h, 9), "client_version");
            String text = new String(h, StandardCharsets.ISO_8859_1);
            assertFalse(containsExtension(h, 0x002b), "no supported_versions: the server must answer for this version alone");
            assertEquals(v != TlsVersion.SSL_3_0, text.contains("www.lab.test"), "SNI except in SSL 3.0");
        }
    }

    @Test
    void noSniForAnAddress() {
        byte[] h = ClientHello.build(TlsVersion.TLS_1_2, null);
        assertFalse(containsExtension(h, 0x0000));
        assertTrue(containsExtension(h, 0x000d), "signature_algorithms in TLS 1.2");
    }

    @Test
    void tls13AndSsl2NeedOtherHellos() {
        assertThrows(IllegalArgumentException.class, () -> ClientHello.build(TlsVersion.TLS_1_3, null));
        byte[] ssl2 = Ssl2Hello.clientHello();
        assertEquals(0x80, ssl2[0] & 0x80);
        assertEquals(ssl2.length - 2, ((ssl2[0] & 0x7f) << 8) | (ssl2[1] & 0xff));
    }

    /** Walks the extensions block of a hello built by {@link ClientHello}. */
    private static boolean containsExtension(byte[] h, int type) {
        int p = 9 + 2 + 32;                 // record(5) + handshake header(4), version, random
        p += 1 + (h[p] & 0xff);             // session id
        p += 2 + u16(h, p);                 // cipher suites
        p += 1 + (h[p] & 0xff);             // compression
        if (p >= h.length) return false;
        int end = p + 2 + u16(h, p);
        p += 2;
        while (p + 4 <= end) {
            if (u16(h, p) == type) return true;
            p += 4 + u16(h, p + 2);
        }
        return false;
    }
}
