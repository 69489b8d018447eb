package dev.vantage.it;

import dev.vantage.check.CheckRunner;
import dev.vantage.check.Finding;
import dev.vantage.probe.Service;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Real Postfix (Debian package) on 127.0.0.1, three private instances, each with its own config,
 * queue and log in a temp dir, started as {@code master} in the foreground:
 * <ul>
 *   <li>closed: relaying only for 127.0.0.2 (not us: the scanner comes from 127.0.0.1), VRFY off,
 *       STARTTLS offered, plus the same smtpd in TLS wrapper mode (the smtps way);</li>
 *   <li>open: mynetworks 0.0.0.0/0 (the classic open relay), VRFY on, no TLS;</li>
 *   <li>accept-all: also an open relay, but with no local recipient table, so it accepts any local
 *       name as well: the relay check must call that uncertain;</li>
 *   <li>postscreen: closed, behind postscreen, which sends "220-" at once and the rest of the
 *       greeting only after its six-second pregreet test, longer than a check's read timeout.</li>
 * </ul>
 * Also proves that no message was ever created (the queue stays empty, the log counts no DATA),
 * and compares identification with nmap -sV and the relay verdict with swaks.
 */
class SmtpPostfixIT {
    private static final InetAddress LO = MailDaemon.loopback("127.0.0.1");
    private static final List<MailDaemon> daemons = new ArrayList<>();
    private static Path root;
    private static Instance closed;
    private static Instance open;
    private static Instance acceptAll;
    private static Instance postscreen;

    private record Instance(String name, Path dir, int port, int wrapperPort) {
        Path log() {
            return dir.resolve("maillog");
        }
    }

    @BeforeAll
    static void up() throws Exception {
        assumeTrue(MailDaemon.usable("/usr/lib/postfix/sbin/master", "/usr/sbin/postfix", "/usr/sbin/postalias"),
                "needs root and the postfix package");
        root = MailDaemon.sharedTempDir("vt-postfix-it");
        Path[] tls = MailDaemon.selfSignedCertificate(root);
        closed = start("closed", """
                mynetworks = 127.0.0.2/32
                disable_vrfy_command = yes
                smtpd_tls_cert_file = %s
                smtpd_tls_key_file = %s
                smtpd_tls_security_level = may
                """.formatted(tls[0], tls[1]), true);
        open = start("open", """
                mynetworks = 0.0.0.0/0
                disable_vrfy_command = no
                """, false);
        acceptAll = start("acceptall", """
                mynetworks = 0.0.0.0/0
                disable_vrfy_command = no
                local_recipient_maps =
                """, false);
        postscreen = start("postscreen", """
                mynetworks = 127.0.0.2/32
                postscreen_greet_action = enforce
                postscreen_cache_map = btree:$data_directory/postscreen_cache
                """, false);
    }

    private static Instance start(String name, String extra, boolean wrapper) throws Exception {
        Path d = root.resolve(name);
        Path conf = d.resolve("conf");
        Files.createDirectories(conf);
        Files.createDirectories(d.resolve("spool"));
        Path data = Files.createDirectories(d.resolve("data"));
        MailDaemon.run(10, "chown", "postfix", data.toString());
        int port = MailDaemon.freePort();
        int wrapperPort = wrapper ? MailDaemon.freePort() : -1;
        Files.writeString(conf.resolve("main.cf"), """
                compatibility_level = 3.6
                queue_directory = %1$s/spool
                data_directory = %1$s/data
                mail_owner = postfix
                setgid_group = postdrop
                maillog_file_prefixes = %1$s
                maillog_file = %1$s/maillog
                myhostname = mail-%2$s.it.test
                mydomain = it.test
                myorigin = $myhostname
                mydestination = $myhostname, localhost
                inet_interfaces = 127.0.0.1
                inet_protocols = ipv4
                smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
                smtpd_banner = $myhostname ESMTP $mail_name (Debian/GNU)
                biff = no
                smtpd_peername_lookup = no
                smtp_host_lookup = native
                alias_maps = hash:%1$s/conf/aliases
                alias_database = hash:%1$s/conf/aliases
                local_recipient_maps = proxy:unix:passwd.byname $alias_maps
                defer_transports = smtp relay local virtual
                smtp_tls_security_level = none
                """.formatted(d, name) + extra, StandardCharsets.US_ASCII);
        StringBuilder master = new StringBuilder();
        if (name.equals("postscreen")) {
            master.append("127.0.0.1:").append(port).append(" inet n - n - 1 postscreen\n")
                    .append("smtpd pass - - n - - smtpd\n")
                    .append("dnsblog unix - - n - 0 dnsblog\n")
                    .append("tlsproxy unix - - n - 0 tlsproxy\n");
        } else {
            master.append("127.0.0.1:").append(port).append(" inet n - n - - smtpd\n");
        }
        if (wrapper) master.append("127.0.0.1:").append(wrapperPort).append(" inet n - n - - smtpd -o smtpd_tls_wrappermode=yes\n");
        master.append("""
                pickup    unix  n       -       n       60      1       pickup
                cleanup   unix  n       -       n       -       0       cleanup
                qmgr      unix  n       -       n       300     1       qmgr
                tlsmgr    unix  -       -       n       1000?   1       tlsmgr
                rewrite   unix  -       -       n       -       -       trivial-rewrite
                bounce    unix  -       -       n       -       0       bounce
                defer     unix  -       -       n       -       0       bounce
                trace     unix  -       -       n       -       0       bounce
                verify    unix  -       -       n       -       1       verify
                flush     unix  n       -       n       1000?   0       flush
                proxymap  unix  -       -       n       -       -       proxymap
                proxywrite unix -       -       n       -       1       proxymap
                smtp      unix  -       -       n       -       -       smtp
                relay     unix  -       -       n       -       -       smtp
                showq     unix  n       -       n       -       -       showq
                error     unix  -       -       n       -       -       error
                retry     unix  -       -       n       -       -       error
                discard   unix  -       -       n       -       -       discard
                local     unix  -       n       n       -       -       local
                anvil     unix  -       -       n       -       1       anvil
                scache    unix  -       -       n       -       1       scache
                postlog   unix-dgram n  -       n       -       1       postlogd
                """);
        Files.writeString(conf.resolve("master.cf"), master, StandardCharsets.US_ASCII);
        Files.writeString(conf.resolve("aliases"), "postmaster: root\nabuse: root\n", StandardCharsets.US_ASCII);
        MailDaemon.run(30, "postalias", "-c", conf.toString(), conf.resolve("aliases").toString());
        MailDaemon.run(60, "postfix", "-c", conf.toString(), "check");
        MailDaemon m = MailDaemon.start("postfix-" + name, d.resolve("master.out"), "/usr/lib/postfix/sbin/master", "-c", conf.toString(), "-s");
        daemons.add(m);
        m.awaitPort(LO, port, Duration.ofSeconds(20));
        if (wrapper) m.awaitPort(LO, wrapperPort, Duration.ofSeconds(20));
        return new Instance(name, d, port, wrapperPort);
    }

    @AfterAll
    static void down() throws Exception {
        for (MailDaemon d : daemons) d.close();
        MailDaemon.deleteTree(root);
    }

    @Test
    void closedServerHasNoFindingsOfThisGroup() throws Exception {
        Service s = MailDaemon.identify(LO, closed.port());
        assertEquals("smtp", s.name());
        assertEquals("Postfix smtpd", s.product());
        assertNull(s.version(), "Debian's banner does not reveal the version");
        assertEquals("mail-closed.it.test", s.details().get("hostname"));
        CheckRunner.Outcome o = MailDaemon.check(LO, closed.port(), s);
        List<String> ids = MailDaemon.ids(o);
        for (String id : List.of("smtp-open-relay", "smtp-relay-uncertain", "smtp-vrfy-enabled", "smtp-expn-enabled",
                "smtp-no-starttls", "smtp-auth-cleartext")) {
            assertFalse(ids.contains(id), id + " on the closed server: " + o);
        }
        assertTrue(o.notes().stream().noneMatch(n -> n.startsWith("smtp-")), "notes: " + o.notes());
        assertEquals(24, swaksRcpt(closed.port()), "swaks agrees: RCPT refused");
    }

    @Test
    void tlsWrapperIsSmtpInsideTls() throws Exception {
        Service s = MailDaemon.identify(LO, closed.wrapperPort());
        assertEquals("smtp", s.name(), "service " + s);
        assertTrue(s.tls());
        assertEquals("Postfix smtpd", s.product());
        CheckRunner.Outcome o = MailDaemon.check(LO, closed.wrapperPort(), s);
        assertFalse(MailDaemon.ids(o).contains("smtp-open-relay"), o.toString());
        assertFalse(MailDaemon.ids(o).contains("smtp-no-starttls"), "TLS from the start needs no STARTTLS: " + o);
        assertTrue(o.notes().stream().noneMatch(n -> n.startsWith("smtp-relay")), "the relay check ran inside TLS: " + o.notes());
    }

    @Test
    void openRelayIsFound() throws Exception {
        Service s = MailDaemon.identify(LO, open.port());
        CheckRunner.Outcome o = MailDaemon.check(LO, open.port(), s);
        List<String> ids = MailDaemon.ids(o);
        assertTrue(ids.contains("smtp-open-relay"), o.toString());
        assertFalse(ids.contains("smtp-relay-uncertain"), o.toString());
        assertTrue(ids.contains("smtp-vrfy-enabled"), o.toString());
        assertTrue(ids.contains("smtp-no-starttls"), o.toString());
        Finding relay = MailDaemon.finding(o, "smtp-open-relay").orElseThrow();
        assertTrue(relay.evidence().contains("RCPT TO:<vantage-relay-test@relay-test.vantage.invalid>"), relay.evidence());
        assertTrue(relay.evidence().contains("250 2.1.5 Ok"), relay.evidence());
        assertTrue(relay.evidence().contains("User unknown"), relay.evidence());
        assertEquals(0, swaksRcpt(open.port()), "swaks agrees: RCPT accepted");
        assertNoMessageEverCreated(open);
    }

    @Test
    void serverThatAcceptsAnyLocalNameIsUncertain() throws Exception {
        Service s = MailDaemon.identify(LO, acceptAll.port());
        CheckRunner.Outcome o = MailDaemon.check(LO, acceptAll.port(), s);
        List<String> ids = MailDaemon.ids(o);
        assertTrue(ids.contains("smtp-relay-uncertain"), o.toString());
        assertFalse(ids.contains("smtp-open-relay"), o.toString());
        assertNoMessageEverCreated(acceptAll);
    }

    @Test
    void postscreenSlowGreetingIsWaitedFor() throws Exception {
        Service s = MailDaemon.identify(LO, postscreen.port());
        assertEquals("smtp", s.name());
        assertEquals("Postfix smtpd", s.product(), "from the 220- teaser alone: " + s);
        CheckRunner.Outcome o = MailDaemon.check(LO, postscreen.port(), s);
        assertFalse(MailDaemon.ids(o).contains("smtp-open-relay"), o.toString());
        assertTrue(MailDaemon.ids(o).contains("smtp-no-starttls"), "the checks got past the greeting: " + o);
        assertTrue(o.notes().stream().noneMatch(n -> n.startsWith("smtp-")), "notes: " + o.notes());
        String log = Files.readString(postscreen.log(), StandardCharsets.ISO_8859_1);
        assertTrue(log.contains("postscreen"), "postscreen really was in front");
    }

    @Test
    void identificationMatchesNmap() throws Exception {
        Optional<MailDaemon.NmapService> nmap = MailDaemon.nmap(LO, closed.port());
        assumeTrue(nmap.isPresent(), "nmap is not installed");
        Service s = MailDaemon.identify(LO, closed.port());
        assertEquals("smtp", nmap.get().name());
        assertEquals(nmap.get().product(), s.product());
        assertEquals(nmap.get().version(), s.version() == null ? "" : s.version());
    }

    /** swaks as a reference client: 0 when RCPT was accepted, 24 when refused. */
    private static int swaksRcpt(int port) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/swaks")), "swaks is not installed");
        return MailDaemon.exitCode(60, "swaks", "--quit-after", "RCPT", "--server", "127.0.0.1:" + port,
                "--helo", "vantage-check.invalid", "--from", "vantage-check@it.test",
                "--to", "vantage-relay-test@relay-test.vantage.invalid");
    }

    /**
     * No queue file survives and Postfix's session summaries count no DATA or BDAT command. An
     * accepted RCPT makes Postfix open a file in incoming/ that cleanup removes after RSET or QUIT,
     * a moment later: so the queue is watched (up to 10 s) until it is empty, and must end empty.
     */
    private static void assertNoMessageEverCreated(Instance i) throws IOException, InterruptedException {
        List<Path> queued = queueFiles(i);
        for (int n = 0; n < 100 && !queued.isEmpty(); n++) {
            Thread.sleep(100);
            queued = queueFiles(i);
        }
        assertEquals(List.of(), queued, "queue files");
        String log = Files.readString(i.log(), StandardCharsets.ISO_8859_1);
        assertTrue(log.contains(" rset="), "the relay check's sessions are in the log");
        assertFalse(log.contains(" data="), "a DATA command reached Postfix");
        assertFalse(log.contains(" bdat="), "a BDAT command reached Postfix");
    }

    private static List<Path> queueFiles(Instance i) throws IOException {
        try (Stream<Path> files = Files.walk(i.dir().resolve("spool"))) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> Stream.of("incoming", "active", "deferred", "maildrop", "hold")
                            .anyMatch(q -> p.startsWith(i.dir().resolve("spool").resolve(q))))
                    .toList();
        }
    }
}
