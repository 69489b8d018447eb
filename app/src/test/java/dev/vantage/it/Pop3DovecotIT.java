package dev.vantage.it;

import dev.vantage.check.CheckRunner;
import dev.vantage.probe.Service;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Real Dovecot (Debian packages dovecot-pop3d and dovecot-imapd), {@code dovecot -F} with a
 * private config, two instances on 127.0.0.2 (Dovecot treats a client whose address equals the
 * server's as secure, so the server must not listen where the scanner comes from, 127.0.0.1):
 * <ul>
 *   <li>plain: no TLS, plaintext logins allowed: both cleartext findings;</li>
 *   <li>tls: STLS/STARTTLS offered and plaintext logins refused before TLS, plus POP3S and IMAPS
 *       ports: no findings, and the TLS ports identified as POP3/IMAP inside TLS.</li>
 * </ul>
 */
class Pop3DovecotIT {
    private static final InetAddress SERVER = MailDaemon.loopback("127.0.0.2");
    private static final List<MailDaemon> daemons = new ArrayList<>();
    private static Path root;
    private static Ports plain;
    private static Ports tls;

    private record Ports(int pop3, int imap, int pop3s, int imaps) {}

    @BeforeAll
    static void up() throws Exception {
        assumeTrue(MailDaemon.usable("/usr/sbin/dovecot", "/usr/lib/dovecot/pop3-login", "/usr/lib/dovecot/imap-login"),
                "needs root and the dovecot-pop3d and dovecot-imapd packages");
        root = MailDaemon.sharedTempDir("vt-dovecot-it");
        Path[] cert = MailDaemon.selfSignedCertificate(root);
        plain = start("plain", """
                ssl = no
                disable_plaintext_auth = no
                """, false);
        tls = start("tls", """
                ssl = yes
                ssl_cert = <%s
                ssl_key = <%s
                disable_plaintext_auth = yes
                """.formatted(cert[0], cert[1]), true);
    }

    private static Ports start(String name, String extra, boolean withTlsPorts) throws Exception {
        Path d = Files.createDirectories(root.resolve(name));
        Path mail = Files.createDirectories(d.resolve("mail"));
        MailDaemon.run(10, "chown", "nobody:nogroup", mail.toString());
        Files.writeString(d.resolve("users"), "ituser:{PLAIN}itpass\n", StandardCharsets.US_ASCII);
        MailDaemon.run(10, "chown", "root:dovecot", d.resolve("users").toString());
        MailDaemon.run(10, "chmod", "640", d.resolve("users").toString());
        Ports p = new Ports(MailDaemon.freePort(), MailDaemon.freePort(),
                withTlsPorts ? MailDaemon.freePort() : 0, withTlsPorts ? MailDaemon.freePort() : 0);
        Path conf = d.resolve("dovecot.conf");
        Files.writeString(conf, """
                protocols = pop3 imap
                listen = 127.0.0.2
                base_dir = %1$s/run
                instance_name = vt-it-dovecot-%2$s
                log_path = %1$s/dovecot.log
                auth_mechanisms = plain login
                default_login_user = dovenull
                default_internal_user = dovecot
                first_valid_uid = 65534
                last_valid_uid = 65534
                first_valid_gid = 65534
                last_valid_gid = 65534
                mail_location = maildir:%1$s/mail/%%u
                passdb {
                  driver = passwd-file
                  args = scheme=PLAIN username_format=%%u %1$s/users
                }
                userdb {
                  driver = static
                  args = uid=nobody gid=nogroup home=%1$s/mail/%%u
                }
                service pop3-login {
                  inet_listener pop3 {
                    port = %3$d
                  }
                  inet_listener pop3s {
                    port = %5$d
                    ssl = yes
                  }
                }
                service imap-login {
                  inet_listener imap {
                    port = %4$d
                  }
                  inet_listener imaps {
                    port = %6$d
                    ssl = yes
                  }
                }
                """.formatted(d, name, p.pop3(), p.imap(), p.pop3s(), p.imaps()) + extra, StandardCharsets.US_ASCII);
        MailDaemon m = MailDaemon.start("dovecot-" + name, d.resolve("dovecot.out"), "/usr/sbin/dovecot", "-F", "-c", conf.toString());
        daemons.add(m);
        m.awaitPort(SERVER, p.pop3(), Duration.ofSeconds(20));
        m.awaitPort(SERVER, p.imap(), Duration.ofSeconds(20));
        if (withTlsPorts) {
            m.awaitPort(SERVER, p.pop3s(), Duration.ofSeconds(20));
            m.awaitPort(SERVER, p.imaps(), Duration.ofSeconds(20));
        }
        return p;
    }

    @AfterAll
    static void down() throws Exception {
        for (MailDaemon d : daemons) d.close();
        MailDaemon.deleteTree(root);
    }

    @Test
    void identifiedAsNmapDoes() throws Exception {
        Service pop3 = MailDaemon.identify(SERVER, plain.pop3());
        Service imap = MailDaemon.identify(SERVER, plain.imap());
        assertEquals("pop3", pop3.name());
        assertEquals("Dovecot pop3d", pop3.product());
        assertNull(pop3.version(), "Dovecot does not say its version");
        assertEquals("imap", imap.name());
        assertEquals("Dovecot imapd", imap.product());
        for (var e : List.of(new Object[] {plain.pop3(), pop3}, new Object[] {plain.imap(), imap})) {
            Optional<MailDaemon.NmapService> nmap = MailDaemon.nmap(SERVER, (Integer) e[0]);
            if (nmap.isEmpty()) return;
            Service ours = (Service) e[1];
            assertEquals(ours.name(), nmap.get().name());
            assertEquals(nmap.get().product(), ours.product());
            assertEquals(nmap.get().version(), ours.version() == null ? "" : ours.version());
        }
    }

    @Test
    void plaintextLoginsAreFound() {
        CheckRunner.Outcome pop3 = MailDaemon.check(SERVER, plain.pop3(), MailDaemon.identify(SERVER, plain.pop3()));
        CheckRunner.Outcome imap = MailDaemon.check(SERVER, plain.imap(), MailDaemon.identify(SERVER, plain.imap()));
        assertTrue(MailDaemon.ids(pop3).contains("pop3-cleartext-login"), pop3.toString());
        assertTrue(MailDaemon.ids(imap).contains("imap-cleartext-login"), imap.toString());
        assertTrue(MailDaemon.finding(pop3, "pop3-cleartext-login").orElseThrow().evidence().contains("CAPA lists no STLS"));
    }

    @Test
    void tlsRequiredHasNoFindings() {
        Service pop3 = MailDaemon.identify(SERVER, tls.pop3());
        Service imap = MailDaemon.identify(SERVER, tls.imap());
        assertTrue(imap.details().getOrDefault("capabilities", "").contains("STARTTLS"), imap.toString());
        CheckRunner.Outcome p = MailDaemon.check(SERVER, tls.pop3(), pop3);
        CheckRunner.Outcome i = MailDaemon.check(SERVER, tls.imap(), imap);
        assertFalse(MailDaemon.ids(p).contains("pop3-cleartext-login"), p.toString());
        assertFalse(MailDaemon.ids(i).contains("imap-cleartext-login"), i.toString());
        assertTrue(p.notes().stream().noneMatch(n -> n.startsWith("pop3-")), p.notes().toString());
        assertTrue(i.notes().stream().noneMatch(n -> n.startsWith("imap-")), i.notes().toString());
    }

    @Test
    void tlsPortsArePop3AndImapInsideTls() {
        Service pop3s = MailDaemon.identify(SERVER, tls.pop3s());
        Service imaps = MailDaemon.identify(SERVER, tls.imaps());
        assertEquals("pop3", pop3s.name(), pop3s.toString());
        assertTrue(pop3s.tls());
        assertEquals("Dovecot pop3d", pop3s.product());
        assertEquals("imap", imaps.name(), imaps.toString());
        assertTrue(imaps.tls());
        assertEquals("Dovecot imapd", imaps.product());
        CheckRunner.Outcome o = MailDaemon.check(SERVER, tls.pop3s(), pop3s);
        assertFalse(MailDaemon.ids(o).contains("pop3-cleartext-login"), o.toString());
    }
}
