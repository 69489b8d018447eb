package dev.vantage.probe.ssh;

import dev.vantage.probe.Connection;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One direction of the binary packet protocol (RFC 4253 §6): plain before the first NEWKEYS,
 * then AES-GCM (RFC 5647 as OpenSSH does it), or AES-CTR/CBC with an HMAC, encrypt-and-MAC or
 * encrypt-then-MAC (the {@code -etm@openssh.com} MACs: the length stays plain and the MAC covers
 * the ciphertext). Not thread-safe: one per direction of one conversation.
 */
abstract sealed class SshPacketCipher {
    /** Our cipher preference (what the JDK provides); CBC only as a last resort for old servers. */
    static final List<String> CIPHERS = List.of("aes128-gcm@openssh.com", "aes256-gcm@openssh.com", "aes128-ctr",
            "aes192-ctr", "aes256-ctr", "aes128-cbc", "aes192-cbc", "aes256-cbc");
    static final List<String> MACS = List.of("hmac-sha2-256-etm@openssh.com", "hmac-sha2-512-etm@openssh.com",
            "hmac-sha1-etm@openssh.com", "hmac-sha2-256", "hmac-sha2-512", "hmac-sha1", "hmac-md5");
    /** A packet longer than this is refused (RFC 4253 asks implementations to handle 35000). */
    static final int MAX_PACKET = 64 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Wraps a payload into one packet on the wire. */
    abstract byte[] seal(byte[] payload, long seq) throws IOException;

    /** Reads one packet from the connection and returns its payload. */
    abstract byte[] open(Connection c, long seq) throws IOException;

    static SshPacketCipher plain() {
        return new Plain();
    }

    static boolean isAead(String cipher) {
        return cipher.endsWith("-gcm@openssh.com");
    }

    static int keyLength(String cipher) {
        if (cipher.startsWith("aes128")) return 16;
        if (cipher.startsWith("aes192")) return 24;
        return 32;
    }

    static int ivLength(String cipher) {
        return isAead(cipher) ? 12 : 16;
    }

    static int macKeyLength(String mac) {
        if (mac.startsWith("hmac-sha2-512")) return 64;
        if (mac.startsWith("hmac-sha2-256")) return 32;
        if (mac.startsWith("hmac-md5")) return 16;
        return 20;
    }

    /** Protection for one direction from the negotiated names and derived keys. */
    static SshPacketCipher create(String cipher, String mac, boolean encrypt, byte[] key, byte[] iv, byte[] macKey)
            throws GeneralSecurityException {
        if (isAead(cipher)) return new Gcm(encrypt, key, iv);
        String transform = cipher.endsWith("-ctr") ? "AES/CTR/NoPadding" : "AES/CBC/NoPadding";
        Cipher c = Cipher.getInstance(transform);
        c.init(encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        String macAlgorithm = mac.startsWith("hmac-sha2-512") ? "HmacSHA512" : mac.startsWith("hmac-sha2-256") ? "HmacSHA256"
                : mac.startsWith("hmac-md5") ? "HmacMD5" : "HmacSHA1";
        Mac m = Mac.getInstance(macAlgorithm);
        m.init(new SecretKeySpec(macKey, macAlgorithm));
        return new CipherAndMac(c, m, mac.endsWith("-etm@openssh.com"));
    }

    /** Payload plus random padding so that the covered part is a multiple of {@code block}, at least 4 padding bytes. */
    static byte[] padded(byte[] payload, int block, boolean lengthCovered) {
        int covered = (lengthCovered ? 5 : 1) + payload.length;
        int pad = block - (covered % block);
        if (pad < 4) pad += block;
        byte[] packet = new byte[4 + 1 + payload.length + pad];
        int len = packet.length - 4;
        packet[0] = (byte) (len >>> 24);
        packet[1] = (byte) (len >>> 16);
        packet[2] = (byte) (len >>> 8);
        packet[3] = (byte) len;
        packet[4] = (byte) pad;
        System.arraycopy(payload, 0, packet, 5, payload.length);
        byte[] padding = new byte[pad];
        RANDOM.nextBytes(padding);
        System.arraycopy(padding, 0, packet, 5 + payload.length, pad);
        return packet;
    }

    static int length(byte[] b, int off) throws SshFormatException {
        long len = ((long) (b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
        if (len < 5 || len > MAX_PACKET) throw new SshFormatException("a packet length of " + len + " is not SSH");
        return (int) len;
    }

    /** The payload of a decrypted packet body (padding length, payload, padding). */
    static byte[] payload(byte[] body, int off, int len) throws SshFormatException {
        int pad = body[off] & 0xff;
        int n = len - 1 - pad;
        if (pad < 4 || n < 1) throw new SshFormatException("bad padding");
        return Arrays.copyOfRange(body, off + 1, off + 1 + n);
    }

    private static byte[] seqBytes(long seq) {
        return new byte[] {(byte) (seq >>> 24), (byte) (seq >>> 16), (byte) (seq >>> 8), (byte) seq};
    }

    private static final class Plain extends SshPacketCipher {
        @Override
        byte[] seal(byte[] payload, long seq) {
            return padded(payload, 8, true);
        }

        @Override
        byte[] open(Connection c, long seq) throws IOException {
            int len = length(c.readExactly(4), 0);
            return payload(c.readExactly(len), 0, len);
        }
    }

    private static final class CipherAndMac extends SshPacketCipher {
        private final Cipher cipher;
        private final Mac mac;
        private final boolean etm;

        CipherAndMac(Cipher cipher, Mac mac, boolean etm) {
            this.cipher = cipher;
            this.mac = mac;
            this.etm = etm;
        }

        @Override
        byte[] seal(byte[] payload, long seq) {
            byte[] packet = padded(payload, 16, !etm);
            mac.update(seqBytes(seq));
            byte[] wire;
            if (etm) {
                byte[] body = cipher.update(packet, 4, packet.length - 4);
                System.arraycopy(body, 0, packet, 4, body.length);
                wire = packet;
                mac.update(wire);
            } else {
                mac.update(packet);
                wire = cipher.update(packet);
            }
            byte[] tag = mac.doFinal();
            byte[] out = Arrays.copyOf(wire, wire.length + tag.length);
            System.arraycopy(tag, 0, out, wire.length, tag.length);
            return out;
        }

        @Override
        byte[] open(Connection c, long seq) throws IOException {
            mac.update(seqBytes(seq));
            if (etm) {
                byte[] head = c.readExactly(4);
                int len = length(head, 0);
                if (len % 16 != 0) throw new SshFormatException("packet not aligned to the cipher block");
                byte[] body = c.readExactly(len);
                mac.update(head);
                mac.update(body);
                verify(c.readExactly(mac.getMacLength()));
                return payload(cipher.update(body), 0, len);
            }
            byte[] first = cipher.update(c.readExactly(16));
            int len = length(first, 0);
            if ((len + 4) % 16 != 0) throw new SshFormatException("packet not aligned to the cipher block");
            byte[] packet = Arrays.copyOf(first, len + 4);
            if (len + 4 > 16) {
                byte[] rest = cipher.update(c.readExactly(len + 4 - 16));
                System.arraycopy(rest, 0, packet, 16, rest.length);
            }
            mac.update(packet);
            verify(c.readExactly(mac.getMacLength()));
            return payload(packet, 4, len);
        }

        private void verify(byte[] tag) throws SshFormatException {
            if (!MessageDigest.isEqual(tag, mac.doFinal())) throw new SshFormatException("MAC mismatch");
        }
    }

    private static final class Gcm extends SshPacketCipher {
        private final Cipher cipher;
        private final SecretKeySpec key;
        private final byte[] iv;
        private final int mode;

        Gcm(boolean encrypt, byte[] key, byte[] iv) throws GeneralSecurityException {
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
            this.key = new SecretKeySpec(key, "AES");
            this.iv = iv.clone();
            this.mode = encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE;
        }

        /** RFC 5647 §7.1: the last 8 bytes of the nonce count packets. */
        private void nextIv() {
            for (int i = iv.length - 1; i >= 4; i--) {
                if (++iv[i] != 0) break;
            }
        }

        private byte[] run(byte[] aad, byte[] data) throws IOException {
            try {
                cipher.init(mode, key, new GCMParameterSpec(128, iv));
                cipher.updateAAD(aad);
                byte[] out = cipher.doFinal(data);
                nextIv();
                return out;
            } catch (GeneralSecurityException e) {
                throw new SshFormatException("AES-GCM failed: " + e.getMessage());
            }
        }

        @Override
        byte[] seal(byte[] payload, long seq) throws IOException {
            byte[] packet = padded(payload, 16, false);
            byte[] head = Arrays.copyOf(packet, 4);
            byte[] sealed = run(head, Arrays.copyOfRange(packet, 4, packet.length));
            byte[] out = Arrays.copyOf(head, 4 + sealed.length);
            System.arraycopy(sealed, 0, out, 4, sealed.length);
            return out;
        }

        @Override
        byte[] open(Connection c, long seq) throws IOException {
            byte[] head = c.readExactly(4);
            int len = length(head, 0);
            if (len % 16 != 0) throw new SshFormatException("packet not aligned to the cipher block");
            byte[] body = run(head, c.readExactly(len + 16));
            return payload(body, 0, len);
        }
    }
}
