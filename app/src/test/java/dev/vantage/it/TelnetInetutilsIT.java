package dev.vantage.it;

import dev.vantage.check.CheckRunner;
import dev.vantage.probe.Service;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Real GNU inetutils telnetd (Debian package), started per connection as inetd would, by socat
 * handing it the accepted socket ({@code EXEC:...,nofork}) on 127.0.0.1. TELNET is clear text by
 * design: the finding must be there, quoting the login prompt the daemon shows once every option
 * is refused. nmap has no product entry for this daemon, so neither do we.
 */
class TelnetInetutilsIT {
    private static final InetAddress LO = MailDaemon.loopback("127.0.0.1");
    private static MailDaemon socat;
    private static Path root;
    private static int port;

    @BeforeAll
    static void up() throws Exception {
        assumeTrue(MailDaemon.usable("/usr/sbin/telnetd", "/usr/bin/socat"), "needs root, inetutils-telnetd and socat");
        root = MailDaemon.sharedTempDir("vt-telnet-it");
        port = MailDaemon.freePort();
        socat = MailDaemon.start("socat-telnetd", root.resolve("socat.out"), "/usr/bin/socat",
                "TCP-LISTEN:" + port + ",bind=127.0.0.1,reuseaddr,fork", "EXEC:/usr/sbin/telnetd,nofork");
        socat.awaitPort(LO, port, Duration.ofSeconds(10));
    }

    @AfterAll
    static void down() throws Exception {
        if (socat != null) socat.close();
        MailDaemon.deleteTree(root);
    }

    @Test
    void telnetIsIdentifiedAndReported() throws Exception {
        Service s = MailDaemon.identify(LO, port);
        assertEquals("telnet", s.name(), s.toString());
        assertNull(s.product());
        assertTrue(s.details().getOrDefault("negotiation", "").contains("DO TERMINAL-TYPE"), s.toString());
        CheckRunner.Outcome o = MailDaemon.check(LO, port, s);
        String evidence = MailDaemon.finding(o, "telnet-cleartext-login").orElseThrow(() -> new AssertionError(o.toString())).evidence();
        assertTrue(evidence.contains("login:"), "the login prompt is quoted: " + evidence);
        Optional<MailDaemon.NmapService> nmap = MailDaemon.nmap(LO, port);
        if (nmap.isPresent()) {
            assertEquals("telnet", nmap.get().name());
            assertEquals("", nmap.get().product());
        }
    }
}
