package dev.vantage.probe.ssh;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Arrays;
import java.util.List;

import javax.crypto.KeyAgreement;

/**
 * The client half of the key exchange methods the JDK can compute: Curve25519 (RFC 8731), ECDH on
 * the NIST curves (RFC 5656) and finite-field Diffie-Hellman on the fixed groups 14 and 1
 * (RFC 4253, RFC 8268). One instance serves one exchange.
 */
abstract sealed class SshKeyAgreement {
    /** Our preference, strongest first; the weak ones are last resorts for old servers. */
    static final List<String> SUPPORTED = List.of(
            "curve25519-sha256", "curve25519-sha256@libssh.org", "ecdh-sha2-nistp256", "ecdh-sha2-nistp384",
            "ecdh-sha2-nistp521", "diffie-hellman-group14-sha256", "diffie-hellman-group14-sha1", "diffie-hellman-group1-sha1");

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The shared secret and the method-specific part of the exchange hash. */
    record Secret(BigInteger k, byte[] exchangeHashPart) {}

    final String hashAlgorithm;

    private SshKeyAgreement(String hashAlgorithm) {
        this.hashAlgorithm = hashAlgorithm;
    }

    static SshKeyAgreement start(String method) throws GeneralSecurityException {
        return switch (method) {
            case "curve25519-sha256", "curve25519-sha256@libssh.org" -> new X25519();
            case "ecdh-sha2-nistp256" -> new Ecdh("secp256r1", "SHA-256");
            case "ecdh-sha2-nistp384" -> new Ecdh("secp384r1", "SHA-384");
            case "ecdh-sha2-nistp521" -> new Ecdh("secp521r1", "SHA-512");
            case "diffie-hellman-group14-sha256" -> new FiniteField(GROUP14, "SHA-256");
            case "diffie-hellman-group14-sha1" -> new FiniteField(GROUP14, "SHA-1");
            case "diffie-hellman-group1-sha1" -> new FiniteField(GROUP1, "SHA-1");
            default -> throw new GeneralSecurityException("unsupported key exchange " + method);
        };
    }

    /** The body of our SSH_MSG_KEX(EC)DH_INIT after the message number. */
    abstract byte[] initBody();

    /** Combines our key with the server's public value from its reply. */
    abstract Secret finish(SshReader reply) throws SshFormatException, GeneralSecurityException;

    MessageDigest digest() throws GeneralSecurityException {
        return MessageDigest.getInstance(hashAlgorithm);
    }

    private static final class X25519 extends SshKeyAgreement {
        private final KeyPair pair;
        private final byte[] clientPublic;

        X25519() throws GeneralSecurityException {
            super("SHA-256");
            pair = KeyPairGenerator.getInstance("X25519").generateKeyPair();
            clientPublic = littleEndian(((XECPublicKey) pair.getPublic()).getU(), 32);
        }

        @Override
        byte[] initBody() {
            return new SshWriter().string(clientPublic).toBytes();
        }

        @Override
        Secret finish(SshReader reply) throws SshFormatException, GeneralSecurityException {
            byte[] serverPublic = reply.string();
            if (serverPublic.length != 32) throw new SshFormatException("a Curve25519 key must be 32 bytes");
            byte[] be = reverse(serverPublic);
            be[0] &= 0x7f;   // RFC 7748 §5: the top bit is ignored
            PublicKey server = KeyFactory.getInstance("X25519")
                    .generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, new BigInteger(1, be)));
            KeyAgreement ka = KeyAgreement.getInstance("X25519");
            ka.init(pair.getPrivate());
            ka.doPhase(server, true);
            BigInteger k = new BigInteger(1, ka.generateSecret());   // RFC 8731 §3.1: the bytes read as big-endian
            return new Secret(k, new SshWriter().string(clientPublic).string(serverPublic).toBytes());
        }
    }

    private static final class Ecdh extends SshKeyAgreement {
        private final KeyPair pair;
        private final ECParameterSpec params;
        private final byte[] clientPublic;

        Ecdh(String curve, String hash) throws GeneralSecurityException {
            super(hash);
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec(curve));
            pair = g.generateKeyPair();
            ECPublicKey pub = (ECPublicKey) pair.getPublic();
            params = pub.getParams();
            clientPublic = encode(pub.getW(), fieldBytes());
        }

        private int fieldBytes() {
            return (params.getCurve().getField().getFieldSize() + 7) / 8;
        }

        @Override
        byte[] initBody() {
            return new SshWriter().string(clientPublic).toBytes();
        }

        @Override
        Secret finish(SshReader reply) throws SshFormatException, GeneralSecurityException {
            byte[] serverPublic = reply.string();
            int n = fieldBytes();
            if (serverPublic.length != 1 + 2 * n || serverPublic[0] != 4) throw new SshFormatException("not an uncompressed EC point");
            ECPoint w = new ECPoint(new BigInteger(1, Arrays.copyOfRange(serverPublic, 1, 1 + n)),
                    new BigInteger(1, Arrays.copyOfRange(serverPublic, 1 + n, 1 + 2 * n)));
            PublicKey server = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, params));
            KeyAgreement ka = KeyAgreement.getInstance("ECDH");
            ka.init(pair.getPrivate());
            ka.doPhase(server, true);
            BigInteger k = new BigInteger(1, ka.generateSecret());
            return new Secret(k, new SshWriter().string(clientPublic).string(serverPublic).toBytes());
        }

        private static byte[] encode(ECPoint w, int n) {
            byte[] out = new byte[1 + 2 * n];
            out[0] = 4;
            System.arraycopy(fixed(w.getAffineX(), n), 0, out, 1, n);
            System.arraycopy(fixed(w.getAffineY(), n), 0, out, 1 + n, n);
            return out;
        }
    }

    private static final class FiniteField extends SshKeyAgreement {
        private final BigInteger p;
        private final BigInteger x;
        private final BigInteger e;

        FiniteField(BigInteger p, String hash) {
            super(hash);
            this.p = p;
            this.x = new BigInteger(512, RANDOM).setBit(511);
            this.e = BigInteger.TWO.modPow(x, p);
        }

        @Override
        byte[] initBody() {
            return new SshWriter().mpint(e).toBytes();
        }

        @Override
        Secret finish(SshReader reply) throws SshFormatException {
            BigInteger f = reply.mpint();
            if (f.compareTo(BigInteger.ONE) <= 0 || f.compareTo(p.subtract(BigInteger.ONE)) >= 0) {
                throw new SshFormatException("the server's DH value is out of range");
            }
            return new Secret(f.modPow(x, p), new SshWriter().mpint(e).mpint(f).toBytes());
        }
    }

    static byte[] fixed(BigInteger v, int n) {
        byte[] b = v.toByteArray();
        if (b.length == n) return b;
        byte[] out = new byte[n];
        if (b.length > n) System.arraycopy(b, b.length - n, out, 0, n);
        else System.arraycopy(b, 0, out, n - b.length, b.length);
        return out;
    }

    private static byte[] littleEndian(BigInteger v, int n) {
        return reverse(fixed(v, n));
    }

    private static byte[] reverse(byte[] b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) out[i] = b[b.length - 1 - i];
        return out;
    }

    /** RFC 3526 group 14 (2048-bit MODP). */
    private static final BigInteger GROUP14 = new BigInteger(
            "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD"
                    + "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
                    + "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F"
                    + "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B"
                    + "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510"
                    + "15728E5A8AACAA68FFFFFFFFFFFFFFFF", 16);

    /** RFC 2409 Oakley group 2 (1024-bit MODP), SSH's "group1". */
    private static final BigInteger GROUP1 = new BigInteger(
            "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD"
                    + "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
                    + "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE65381FFFFFFFFFFFFFFFF", 16);
}
