package dev.vantage.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's ntpsec, which always serves port 123, so each instance gets a network namespace of its
 * own with only loopback; the scan and checks run inside it ({@link UdpCheckMain}), as does nmap.
 * One server answers control queries ({@code restrict default}), one refuses them
 * ({@code noquery}): {@code ntp-mode6-amplification} for the first only; {@code ntp-mode7-monlist}
 * for neither (ntpsec dropped mode 7). Identification must equal nmap -sU -sV ("NTP", "v4").
 */
class NtpsecIT {
    private static final String NTPD = "/usr/sbin/ntpd";
    private static final String OPEN = "vt-it-ntp-open";
    private static final String SAFE = "vt-it-ntp-safe";
    private static Netns net;
    private static DataDaemons daemons;

    @BeforeAll
    static void up() throws Exception {
        assumeTrue(Netns.usable() && Files.isExecutable(Path.of(NTPD)), "needs root, ip and ntpsec");
        daemons = new DataDaemons("vantage-ntp");
        net = new Netns();
        start(OPEN, "restrict default\nrestrict 127.0.0.1\nrestrict ::1\n");
        start(SAFE, "restrict default kod limited nomodify noquery\nrestrict 127.0.0.1 kod limited nomodify noquery\n"
                + "restrict ::1 kod limited nomodify noquery\n");
    }

    private static void start(String ns, String restrictions) throws Exception {
        Path dir = daemons.dir.resolve(ns);
        Files.createDirectories(dir);
        Path conf = daemons.write(ns + "/ntp.conf", "driftfile " + dir.resolve("drift") + "\nstatsdir " + dir + "/\n" + restrictions);
        net.add(ns);
        net.start(ns, NTPD, "-n", "-c", conf.toString(), "-l", dir.resolve("ntpd.log").toString());
        for (int i = 0; i < 100; i++) {
            if (net.execAllowingFailure(10, ns, "ss", "-ulnH").out().contains("127.0.0.1:123 ")) return;
            Thread.sleep(100);
        }
        throw new IllegalStateException("ntpd did not bind 123 in " + ns);
    }

    @AfterAll
    static void down() throws Exception {
        if (net != null) net.close();
        if (daemons != null) daemons.close();
    }

    /** The line UdpCheckMain prints for port 123, split at tabs. */
    private static String[] scan(String ns) {
        Netns.Result r = net.execAllowingFailure(120, ns, Netns.java(), "-cp", Netns.testClasspath(), UdpCheckMain.class.getName(),
                "127.0.0.1", "123");
        assertEquals(0, r.exitCode(), r.err());
        return (r.out().strip() + "\t").split("\t", -1);
    }

    @Test
    void aServerAnsweringControlQueriesIsReported() throws Exception {
        String[] line = scan(OPEN);
        assertEquals("open", line[1]);
        assertEquals("udp-response", line[2]);
        assertEquals("ntp-mode6-amplification", line[4]);
        assertNmapAgrees(OPEN, line[3]);
    }

    @Test
    void aServerRefusingThemIsNot() throws Exception {
        String[] line = scan(SAFE);
        assertEquals("open", line[1]);
        assertEquals("", line[4], "no finding");
        assertNmapAgrees(SAFE, line[3]);
    }

    private static void assertNmapAgrees(String ns, String service) throws Exception {
        assertEquals("ntp | NTP | v4", service);
        Optional<DataDaemons.NmapService> nmap = daemons.nmap(true, 123, 123, ns);
        if (nmap.isPresent()) {
            assertEquals("open", nmap.get().state());
            assertEquals(nmap.get().product() + " | " + nmap.get().version(), service.substring("ntp | ".length()));
        }
    }
}
