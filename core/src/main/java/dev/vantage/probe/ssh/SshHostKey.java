package dev.vantage.probe.ssh;

import java.util.Optional;

/**
 * A server's public host key, as far as strength goes.
 *
 * @param type the key type ({@code ssh-rsa}, {@code ssh-dss}, {@code ecdsa-sha2-nistp256}, {@code ssh-ed25519}, ...)
 * @param bits the key size: RSA modulus or DSA prime length, the curve size for ECDSA, 256 for Ed25519
 */
public record SshHostKey(String type, int bits) {

    /** Reads a public key blob (RFC 4253 §6.6, RFC 5656, RFC 8709); empty if it cannot be read. */
    public static Optional<SshHostKey> parse(byte[] blob) {
        try {
            SshReader r = new SshReader(blob);
            String type = new String(r.string(), java.nio.charset.StandardCharsets.US_ASCII);
            int bits = switch (type) {
                case "ssh-rsa" -> {
                    r.mpint();                  // e
                    yield r.mpint().bitLength(); // n
                }
                case "ssh-dss" -> r.mpint().bitLength();   // p
                case "ecdsa-sha2-nistp256" -> 256;
                case "ecdsa-sha2-nistp384" -> 384;
                case "ecdsa-sha2-nistp521" -> 521;
                case "ssh-ed25519" -> 256;
                case "ssh-ed448" -> 456;
                default -> 0;
            };
            return Optional.of(new SshHostKey(type, bits));
        } catch (SshFormatException e) {
            return Optional.empty();
        }
    }

    public String describe() {
        return bits > 0 ? type + " (" + bits + " bits)" : type;
    }
}
