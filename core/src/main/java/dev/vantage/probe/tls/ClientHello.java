package dev.vantage.probe.tls;

import org.jspecify.annotations.Nullable;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * Builds a ClientHello for one protocol version, by hand, because the JDK will not send SSL 3.0,
 * TLS 1.0 or TLS 1.1. The hello offers a wide list of cipher suites (old ones included, so that a
 * server which accepts the version at all finds something it can choose) and exactly one version:
 * no {@code supported_versions} extension, so a server that does not speak this version must refuse.
 * Nothing beyond the server's first flight is ever exchanged: we never finish the handshake.
 */
public final class ClientHello {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Cipher suites, strongest first; the old ones matter most here. */
    static final int[] CIPHER_SUITES = {
        0xc02b, 0xc02f, 0xc02c, 0xc030, 0xcca9, 0xcca8, 0x009e, 0x009f, 0x009c, 0x009d,
        0xc023, 0xc027, 0xc024, 0xc028, 0x0067, 0x006b, 0x003c, 0x003d,
        0xc009, 0xc013, 0xc00a, 0xc014, 0x0033, 0x0039, 0x0032, 0x0038, 0x002f, 0x0035,
        0x0045, 0x0088, 0x0041, 0x0084, 0x0096, 0x0007,
        0xc012, 0xc008, 0x0016, 0x0013, 0x000a,
        0xc011, 0xc007, 0x0005, 0x0004,
        0x0015, 0x0012, 0x0009, 0x0014, 0x0011, 0x0008, 0x0006, 0x0003,
        0x00ff,   // TLS_EMPTY_RENEGOTIATION_INFO_SCSV
    };

    private static final int[] GROUPS = {0x001d, 0x0017, 0x0018, 0x0019, 0x0100, 0x0101};
    private static final int[] SIGNATURE_ALGORITHMS = {
        0x0403, 0x0503, 0x0603, 0x0804, 0x0805, 0x0806, 0x0401, 0x0501, 0x0601, 0x0203, 0x0201, 0x0402, 0x0202,
    };

    private ClientHello() {}

    /**
     * One TLS record holding a ClientHello for {@code version} (SSL 3.0 to TLS 1.2).
     *
     * @param serverName the host name for SNI, or null (never an address: SNI carries names only)
     */
    public static byte[] build(TlsVersion version, @Nullable String serverName) {
        if (version == TlsVersion.SSL_2_0 || version == TlsVersion.TLS_1_3) {
            throw new IllegalArgumentException("a plain ClientHello cannot offer " + version.label());
        }
        Bytes body = new Bytes();
        body.u16(version.code());
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        body.raw(random);
        body.u8(0);                                   // no session id
        body.u16(CIPHER_SUITES.length * 2);
        for (int s : CIPHER_SUITES) body.u16(s);
        body.u8(1).u8(0);                             // compression: null only
        if (version != TlsVersion.SSL_3_0) body.raw(extensions(version, serverName));

        Bytes handshake = new Bytes().u8(1).u24(body.size()).raw(body.bytes());
        int recordVersion = version == TlsVersion.SSL_3_0 ? 0x0300 : 0x0301;
        return new Bytes().u8(22).u16(recordVersion).u16(handshake.size()).raw(handshake.bytes()).bytes();
    }

    private static byte[] extensions(TlsVersion version, @Nullable String serverName) {
        Bytes ext = new Bytes();
        if (serverName != null && !serverName.isBlank()) {
            byte[] name = serverName.getBytes(StandardCharsets.US_ASCII);
            ext.u16(0x0000).u16(name.length + 5).u16(name.length + 3).u8(0).u16(name.length).raw(name);
        }
        ext.u16(0x000a).u16(GROUPS.length * 2 + 2).u16(GROUPS.length * 2);
        for (int g : GROUPS) ext.u16(g);
        ext.u16(0x000b).u16(2).u8(1).u8(0);           // EC point formats: uncompressed
        if (version == TlsVersion.TLS_1_2) {
            ext.u16(0x000d).u16(SIGNATURE_ALGORITHMS.length * 2 + 2).u16(SIGNATURE_ALGORITHMS.length * 2);
            for (int a : SIGNATURE_ALGORITHMS) ext.u16(a);
        }
        return new Bytes().u16(ext.size()).raw(ext.bytes()).bytes();
    }

    /** A little big-endian writer. */
    static final class Bytes {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Bytes u8(int v) {
            out.write(v);
            return this;
        }

        Bytes u16(int v) {
            out.write(v >> 8);
            out.write(v);
            return this;
        }

        Bytes u24(int v) {
            out.write(v >> 16);
            return u16(v & 0xffff);
        }

        Bytes raw(byte[] b) {
            out.write(b, 0, b.length);
            return this;
        }

        int size() {
            return out.size();
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
