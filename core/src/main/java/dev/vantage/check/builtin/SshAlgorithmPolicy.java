package dev.vantage.check.builtin;

import dev.vantage.probe.ssh.SshKexInit;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which SSH algorithms count as weak, as pure functions of a server's KEXINIT.
 *
 * <ul>
 *   <li>Key exchange: anything hashed with SHA-1 ({@code *-sha1}, GSS {@code *-sha1-*}) and the
 *       1024-bit groups ({@code diffie-hellman-group1-*}, {@code rsa1024-*}).</li>
 *   <li>Ciphers: every CBC mode, 64-bit-block ciphers (3DES, Blowfish, CAST, IDEA, DES), RC4
 *       ({@code arcfour*}) and {@code none}.</li>
 *   <li>MACs: MD5-based, the 96-bit truncations, {@code umac-32} and {@code none}. Deliberately
 *       <em>not</em> flagged: {@code umac-64*}, {@code hmac-sha1} and the encrypt-and-MAC SHA-2
 *       variants. Stock OpenSSH (Debian 12, Ubuntu 24.04) still offers all three; none has a
 *       practical attack (a forged 64-bit tag succeeds once in 2^64 tries and every failure ends
 *       the connection; HMAC-SHA1 does not depend on SHA-1's collision resistance), so flagging
 *       them would mark every default install and bury the MACs that are actually weak.</li>
 *   <li>Terrapin (CVE-2023-48795): ChaCha20-Poly1305, or a CBC cipher together with an
 *       encrypt-then-MAC MAC, offered without the strict key exchange marker
 *       {@code kex-strict-s-v00@openssh.com}.</li>
 * </ul>
 */
public final class SshAlgorithmPolicy {
    private SshAlgorithmPolicy() {}

    public static boolean weakKex(String a) {
        return a.endsWith("-sha1") || (a.startsWith("gss-") && a.contains("-sha1-"))
                || a.startsWith("diffie-hellman-group1-") || a.startsWith("rsa1024-");
    }

    public static boolean weakCipher(String a) {
        return a.contains("-cbc") || a.startsWith("3des") || a.startsWith("blowfish") || a.startsWith("cast128")
                || a.startsWith("idea") || a.startsWith("des") || a.startsWith("arcfour") || a.equals("none");
    }

    public static boolean weakMac(String a) {
        return a.startsWith("hmac-md5") || a.contains("-96") || a.startsWith("umac-32") || a.equals("none");
    }

    public static List<String> weakKexOffered(SshKexInit k) {
        return matching(k.kex(), SshAlgorithmPolicy::weakKex);
    }

    public static List<String> weakCiphersOffered(SshKexInit k) {
        return matching(both(k.ciphersClientToServer(), k.ciphersServerToClient()), SshAlgorithmPolicy::weakCipher);
    }

    public static List<String> weakMacsOffered(SshKexInit k) {
        return matching(both(k.macsClientToServer(), k.macsServerToClient()), SshAlgorithmPolicy::weakMac);
    }

    /** Why the server is open to Terrapin, or empty. */
    public static Optional<String> terrapin(SshKexInit k) {
        if (k.kex().contains("kex-strict-s-v00@openssh.com")) return Optional.empty();
        List<String> ciphers = both(k.ciphersClientToServer(), k.ciphersServerToClient());
        List<String> macs = both(k.macsClientToServer(), k.macsServerToClient());
        if (ciphers.contains("chacha20-poly1305@openssh.com")) {
            return Optional.of("offers chacha20-poly1305@openssh.com without strict key exchange (kex-strict-s-v00@openssh.com)");
        }
        Optional<String> cbc = ciphers.stream().filter(c -> c.contains("-cbc")).findFirst();
        Optional<String> etm = macs.stream().filter(m -> m.endsWith("-etm@openssh.com")).findFirst();
        if (cbc.isPresent() && etm.isPresent()) {
            return Optional.of("offers " + cbc.get() + " with " + etm.get() + " without strict key exchange (kex-strict-s-v00@openssh.com)");
        }
        return Optional.empty();
    }

    private static List<String> both(List<String> a, List<String> b) {
        Set<String> s = new LinkedHashSet<>(a);
        s.addAll(b);
        return List.copyOf(s);
    }

    private static List<String> matching(List<String> names, Predicate<String> weak) {
        return names.stream().filter(weak).distinct().toList();
    }
}
