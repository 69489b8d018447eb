package dev.vantage.it;

import dev.vantage.check.CheckRunner;
import dev.vantage.check.Finding;
import dev.vantage.probe.Service;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The SSH probe and checks against real OpenSSH 9.2 (Debian 12) servers on loopback, each with a
 * private sshd_config and host keys made for the test:
 * <ul>
 *   <li>hardened: keys only, Ed25519 and RSA-3072 host keys, Debian's default algorithms: no findings;</li>
 *   <li>weak: passwords, an RSA-1024 host key, and old algorithms switched back on
 *       ({@code Ciphers +aes128-cbc,3des-cbc}, {@code KexAlgorithms +diffie-hellman-group14-sha1,...},
 *       {@code MACs +hmac-md5,hmac-sha1-96});</li>
 *   <li>keyboard-interactive through PAM, passwords off: still a password login.</li>
 * </ul>
 * And one server per algorithm family our client implements, so every key exchange, cipher and
 * MAC path of the client is proven against OpenSSH itself.
 */
class SshOpenSshIT {
    private static InfraDaemons daemons;
    private static int hardened;
    private static int weak;
    private static int keyboardInteractive;

    @BeforeAll
    static void up() throws Exception {
        assumeTrue(InfraDaemons.usable("/usr/sbin/sshd", "/usr/bin/ssh-keygen"), "needs root and openssh-server");
        Files.createDirectories(Path.of("/run/sshd"));   // sshd's compiled-in privilege separation directory
        daemons = new InfraDaemons("vantage-ssh-it");
        key("ed25519", "ed25519");
        key("rsa3072", "rsa", "-b", "3072");
        key("rsa1024", "rsa", "-b", "1024");
        hardened = InfraDaemons.freePort();
        start("hardened", hardened, """
                HostKey %1$s/ed25519
                HostKey %1$s/rsa3072
                PasswordAuthentication no
                KbdInteractiveAuthentication no
                UsePAM no
                """);
        weak = InfraDaemons.freePort();
        start("weak", weak, """
                HostKey %1$s/ed25519
                HostKey %1$s/rsa1024
                PasswordAuthentication yes
                KbdInteractiveAuthentication no
                UsePAM no
                HostKeyAlgorithms +ssh-rsa
                Ciphers +aes128-cbc,3des-cbc
                KexAlgorithms +diffie-hellman-group14-sha1,diffie-hellman-group1-sha1
                MACs +hmac-md5,hmac-sha1-96
                """);
        keyboardInteractive = InfraDaemons.freePort();
        start("kbdint", keyboardInteractive, """
                HostKey %1$s/ed25519
                PasswordAuthentication no
                KbdInteractiveAuthentication yes
                UsePAM yes
                """);
    }

    private static void key(String name, String type, String... extra) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("/usr/bin/ssh-keygen", "-q", "-N", "", "-t", type, "-f",
                daemons.dir.resolve(name).toString()));
        cmd.addAll(List.of(extra));
        InfraDaemons.run(60, cmd.toArray(String[]::new));
    }

    private static void start(String name, int port, String config, String... options) throws Exception {
        Path conf = daemons.write(name + ".sshd_config", config.formatted(daemons.dir)
                + "ListenAddress 127.0.0.1\nPidFile " + daemons.dir.resolve(name + ".pid") + "\n");
        List<String> cmd = new java.util.ArrayList<>(List.of("/usr/sbin/sshd", "-D", "-e", "-f", conf.toString(), "-p", String.valueOf(port)));
        for (String o : options) {
            cmd.add("-o");
            cmd.add(o);
        }
        daemons.start("sshd-" + name, port, cmd.toArray(String[]::new));
    }

    @AfterAll
    static void down() throws Exception {
        if (daemons != null) daemons.close();
    }

    private static CheckRunner.Outcome check(int port) {
        Service s = InfraDaemons.identify(port);
        assertEquals("ssh", s.name(), s.toString());
        return InfraDaemons.check("ssh.lab.test", port, s);
    }

    @Test
    void aHardenedServerHasNoFindings() {
        CheckRunner.Outcome o = check(hardened);
        assertEquals(List.of(), InfraDaemons.ids(o), o.toString());
        assertEquals(List.of(), o.notes());
    }

    @Test
    void aWeakServerShowsEveryWeakness() {
        CheckRunner.Outcome o = check(weak);
        assertEquals(List.of("ssh-password-auth", "ssh-weak-cipher", "ssh-weak-hostkey", "ssh-weak-kex", "ssh-weak-mac"),
                InfraDaemons.ids(o), o.toString());
        assertEquals(List.of(), o.notes());
        String hostKey = o.findings().stream().filter(f -> f.id().equals("ssh-weak-hostkey")).findFirst().orElseThrow().evidence();
        assertTrue(hostKey.contains("1024 bits"), hostKey);
    }

    @Test
    void keyboardInteractiveCountsAsPasswords() {
        CheckRunner.Outcome o = check(keyboardInteractive);
        assertEquals(List.of("ssh-password-auth"), InfraDaemons.ids(o), o.toString());
        assertTrue(o.findings().get(0).evidence().contains("keyboard-interactive"), o.toString());
    }

    /** One sshd per algorithm family: the client must complete the key exchange and read the methods with each. */
    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
        "aes128-gcm@openssh.com, hmac-sha2-256, curve25519-sha256",
        "aes256-gcm@openssh.com, hmac-sha2-256, curve25519-sha256@libssh.org",
        "aes256-ctr, hmac-sha2-256, ecdh-sha2-nistp384",
        "aes128-ctr, hmac-sha2-512-etm@openssh.com, ecdh-sha2-nistp521",
        "aes192-ctr, hmac-sha1, ecdh-sha2-nistp256",
        "aes128-cbc, hmac-sha1-etm@openssh.com, diffie-hellman-group14-sha256",
        "aes256-cbc, hmac-md5, diffie-hellman-group14-sha1",
        "aes192-cbc, hmac-sha2-512, diffie-hellman-group1-sha1",
    })
    void theClientSpeaksEachAlgorithmFamily(String cipher, String mac, String kex) throws Exception {
        int port = InfraDaemons.freePort();
        String name = "algo-" + port;
        start(name, port, """
                HostKey %1$s/ed25519
                PasswordAuthentication yes
                UsePAM no
                """, "Ciphers=" + cipher, "MACs=" + mac, "KexAlgorithms=" + kex);
        Service ssh = Service.of("ssh", "OpenSSH", null, null);
        CheckRunner.Outcome o = InfraDaemons.check("ssh.lab.test", port, ssh);
        assertEquals(List.of(), o.notes(), "every check finished");
        List<Finding> f = o.findings();
        assertTrue(f.stream().anyMatch(x -> x.id().equals("ssh-password-auth")), cipher + " " + mac + " " + kex + ": " + f);
    }

    @Test
    void identificationMatchesNmap() throws Exception {
        Service s = InfraDaemons.identify(hardened);
        assertEquals("OpenSSH", s.product());
        assertTrue(s.version() != null && s.version().startsWith("9.2p1 Debian "), s.toString());
        var nmap = InfraDaemons.nmap(hardened);
        assumeTrue(nmap.isPresent(), "nmap not installed");
        assertEquals(nmap.get().product(), s.product());
        assertEquals(nmap.get().version(), s.version());
    }
}
