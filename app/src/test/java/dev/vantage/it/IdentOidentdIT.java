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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Real oidentd (Debian package) in the foreground on port 113 (the only port the IDENT probe asks
 * on), two instances on two loopback addresses:
 * <ul>
 *   <li>127.0.0.1: the lab's configuration, real owners and no hiding: ident-disclosure;</li>
 *   <li>127.0.0.3: every answer hidden ({@code force hide}): HIDDEN-USER, no finding.</li>
 * </ul>
 * oidentd does not name itself, so the product stays unknown (nmap cannot tell either).
 */
class IdentOidentdIT {
    private static final int PORT = 113;
    private static final InetAddress TELLS = MailDaemon.loopback("127.0.0.1");
    private static final InetAddress HIDES = MailDaemon.loopback("127.0.0.3");
    private static final List<MailDaemon> daemons = new ArrayList<>();
    private static Path root;

    @BeforeAll
    static void up() throws Exception {
        assumeTrue(MailDaemon.usable("/usr/sbin/oidentd"), "needs root and the oidentd package");
        assumeTrue(MailDaemon.portFree(TELLS, PORT) && MailDaemon.portFree(HIDES, PORT), "port 113 is taken on loopback");
        root = MailDaemon.sharedTempDir("vt-oidentd-it");
        start("tells", TELLS, """
                default {
                    default {
                        deny spoof
                        deny spoof_all
                        deny spoof_privport
                        deny random
                        deny random_numeric
                        deny numeric
                        deny hide
                    }
                }
                """);
        start("hides", HIDES, """
                default {
                    default {
                        force hide
                    }
                }
                """);
    }

    private static void start(String name, InetAddress address, String config) throws Exception {
        Path conf = root.resolve(name + ".conf");
        Files.writeString(conf, config, StandardCharsets.US_ASCII);
        MailDaemon d = MailDaemon.start("oidentd-" + name, root.resolve(name + ".out"), "/usr/sbin/oidentd", "-i", "-S",
                "-a", address.getHostAddress(), "-p", Integer.toString(PORT), "-C", conf.toString(), "-u", "nobody", "-g", "nogroup");
        daemons.add(d);
        d.awaitPort(address, PORT, Duration.ofSeconds(15));
    }

    @AfterAll
    static void down() throws Exception {
        for (MailDaemon d : daemons) d.close();
        MailDaemon.deleteTree(root);
    }

    @Test
    void identifiedAsIdentWithoutProduct() {
        Service s = MailDaemon.identify(TELLS, PORT);
        assertEquals("ident", s.name(), s.toString());
        assertNull(s.product());
        assertEquals("NO-USER", s.details().get("error"), "the made-up port pair belongs to nobody");
    }

    @Test
    void daemonThatNamesOwnersIsFound() {
        Service s = MailDaemon.identify(TELLS, PORT);
        CheckRunner.Outcome o = MailDaemon.check(TELLS, PORT, s);
        assertTrue(MailDaemon.ids(o).contains("ident-disclosure"), o.toString());
        String evidence = MailDaemon.finding(o, "ident-disclosure").orElseThrow().evidence();
        assertTrue(evidence.contains("USERID:UNIX:nobody"), "oidentd runs as nobody here: " + evidence);
    }

    @Test
    void daemonThatHidesIsNotReported() {
        Service s = MailDaemon.identify(HIDES, PORT);
        assertEquals("ident", s.name());
        CheckRunner.Outcome o = MailDaemon.check(HIDES, PORT, s);
        assertFalse(MailDaemon.ids(o).contains("ident-disclosure"), o.toString());
        assertTrue(o.notes().stream().noneMatch(n -> n.startsWith("ident-")), o.notes().toString());
    }
}
