package dev.vantage.probe.tls;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * SSL 2.0, which has its own record and message format: a CLIENT-HELLO offering the seven SSL 2
 * cipher kinds, and a parser for the SERVER-HELLO that a server still speaking SSL 2 answers with.
 */
public final class Ssl2Hello {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int[] CIPHER_KINDS = {0x010080, 0x020080, 0x030080, 0x040080, 0x050080, 0x060040, 0x0700c0};

    /**
     * A SERVER-HELLO.
     *
     * @param version     the server's protocol version (2 for SSL 2.0)
     * @param cipherKinds how many cipher kinds it offers us (0 still proves the protocol is enabled)
     * @param certificate the server's certificate, DER
     */
    public record ServerHello(int version, int cipherKinds, byte[] certificate) {
        public ServerHello {
            certificate = certificate.clone();
        }

        @Override
        public byte[] certificate() {
            return certificate.clone();
        }
    }

    private Ssl2Hello() {}

    public static byte[] clientHello() {
        byte[] challenge = new byte[16];
        RANDOM.nextBytes(challenge);
        int length = 9 + CIPHER_KINDS.length * 3 + challenge.length;
        ClientHello.Bytes b = new ClientHello.Bytes()
                .u16(0x8000 | length)
                .u8(1).u16(0x0002).u16(CIPHER_KINDS.length * 3).u16(0).u16(challenge.length);
        for (int k : CIPHER_KINDS) b.u8(k >> 16).u16(k & 0xffff);
        return b.raw(challenge).bytes();
    }

    /** Reads a SERVER-HELLO; empty for anything else (a TLS alert, garbage, a truncated message). */
    public static Optional<ServerHello> parse(byte[] data) {
        if (data.length < 2) return Optional.empty();
        int header;
        int length;
        if ((data[0] & 0x80) != 0) {
            header = 2;
            length = ((data[0] & 0x7f) << 8) | (data[1] & 0xff);
        } else {
            if (data.length < 3) return Optional.empty();
            header = 3;
            length = ((data[0] & 0x3f) << 8) | (data[1] & 0xff);
        }
        int p = header;
        if (length < 11 || data.length < p + length || (data[p] & 0xff) != 4) return Optional.empty();
        int version = u16(data, p + 3);
        int certLength = u16(data, p + 5);
        int specsLength = u16(data, p + 7);
        int idLength = u16(data, p + 9);
        if (11 + certLength + specsLength + idLength > length || specsLength % 3 != 0) return Optional.empty();
        byte[] cert = java.util.Arrays.copyOfRange(data, p + 11, p + 11 + certLength);
        return Optional.of(new ServerHello(version, specsLength / 3, cert));
    }

    private static int u16(byte[] b, int off) {
        return ((b[off] & 0xff) << 8) | (b[off + 1] & 0xff);
    }
}
