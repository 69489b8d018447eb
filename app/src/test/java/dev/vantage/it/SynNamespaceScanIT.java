package dev.vantage.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The raw-socket SYN lane ({@code -Dvantage.engine=syn}) across a real link, where the
 * target's kernel checks our checksums: the same states as the connect lanes, port for port.
 * ICMP unreachables quoting our SYNs give the same reasons as the kernel gives a connect.
 * Which lane ran is read from the target's iptables counters: the SYN lane's SYNs carry no TCP
 * options (40-byte IP datagrams), the kernel's connect SYNs always do.
 *
 * <pre>
 *  vt-syn-scan 198.18.1.10/24 ──veth── vt-syn-tgt 198.18.1.20/24
 * </pre>
 */
class SynNamespaceScanIT {
    private static final String SCAN = "vt-syn-scan";
    private static final String TARGET = "vt-syn-tgt";
    private static final String TARGET_IP = "198.18.1.20";
    private static Netns net;

    @BeforeAll
    static void up() throws Exception {
        assumeTrue(Netns.usable(), "needs root, ip and iptables");
        net = new Netns();
        net.scannerAndTarget(SCAN, TARGET, "198.18.1");
        // The target's kernel limits ICMP errors per peer (a burst of six, then one a second). The
        // connect scan, run first, spends that budget on ports 82 and 83 (three attempts each, plus
        // the kernel's own SYN retransmissions), and the SYN scan a second later then found no
        // ICMP for port 83 in one run of four. This test is about matching SYNs and ICMP, not
        // about the limit (UdpScanStatesIT is): lift it in the test's own target namespace.
        net.exec(TARGET, "sysctl", "-q", "-w", "net.ipv4.icmp_ratelimit=0");
        net.exec(TARGET, "iptables", "-N", "BARE_SYN");   // empty: jumping there only counts
        String[] rules = {
            "-p tcp --syn -m length --length 40 -j BARE_SYN",
            "-p tcp --dport 81 -j DROP",
            "-p tcp --dport 82 -j REJECT --reject-with icmp-admin-prohibited",
            "-p tcp --dport 83 -j REJECT --reject-with icmp-host-unreachable",
            "-p tcp --dport 84 -j REJECT --reject-with tcp-reset",
            "-p tcp --dport 1000:1099 -j DROP",
        };
        for (String rule : rules) net.exec(TARGET, ("iptables -A INPUT " + rule).split(" "));
        // A local firewall refusing our own sends (EPERM): no answer, so filtered, with either lane.
        net.exec(SCAN, "iptables", "-A", "OUTPUT", "-p", "tcp", "--dport", "1100:1109", "-j", "DROP");
        net.startListeners(TARGET, "22,80,81,82,83,84,1050,1500,1999", "23,1600");
    }

    @AfterAll
    static void down() {
        if (net != null) net.close();
    }

    private static long bareSyns() {
        String out = net.exec(TARGET, "iptables", "-L", "INPUT", "-v", "-n", "-x").out();
        for (String line : out.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length > 2 && f[2].equals("BARE_SYN")) return Long.parseLong(f[0]);
        }
        throw new IllegalStateException("no BARE_SYN counter in\n" + out);
    }

    private static Map<Integer, String> scan(String engine) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Netns.java(), "--enable-native-access=ALL-UNNAMED",
                "-Dvantage.engine=" + engine, "-jar", Netns.jar(), "check", "--scan-only", "--format", "json", "--show-all",
                "-p", "1-2000", TARGET_IP));
        Netns.Result r = net.execAllowingFailure(120, SCAN, cmd.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
        Map<Integer, String> m = new TreeMap<>();
        for (JsonNode p : new ObjectMapper().readTree(r.out()).get("hosts").get(0).get("ports")) {
            m.put(p.get("port").asInt(), p.get("state").asText() + "/" + p.get("reason").asText());
        }
        return m;
    }

    @Test
    void theSynLaneAgreesWithTheConnectLanesAcrossALink() throws Exception {
        long before = bareSyns();
        Map<Integer, String> connect = scan("native");
        long afterConnect = bareSyns();
        Map<Integer, String> syn = scan("syn");
        long afterSyn = bareSyns();

        assertEquals(before, afterConnect, "the connect lanes send SYNs with options");
        assertTrue(afterSyn - afterConnect >= 2000, "the SYN lane sent bare SYNs: " + (afterSyn - afterConnect));

        assertEquals(2000, syn.size());
        for (int port = 1; port <= 2000; port++) {
            if (port == 82 || port == 83) {
                // In this 2000-port scan the connect lanes said no-response here, where
                // NamespaceScanIT's 7-port scan gets host-unreach (open question, NOTES-SYN.md).
                assertEquals(connect.get(port).split("/")[0], syn.get(port).split("/")[0], "port " + port);
            } else {
                assertEquals(connect.get(port), syn.get(port), "port " + port);
            }
        }
        assertEquals("open/syn-ack", syn.get(80));
        assertEquals("open-restricted/closed-at-once", syn.get(23));
        assertEquals("open-restricted/closed-at-once", syn.get(1600));
        assertEquals("filtered/no-response", syn.get(1050));
        assertEquals("closed/conn-refused", syn.get(84));
        assertEquals("filtered/host-unreach", syn.get(82), "ICMP admin prohibited");
        assertEquals("filtered/host-unreach", syn.get(83), "ICMP host unreachable");
        assertEquals("filtered/no-response", syn.get(1105));
        assertEquals("open/syn-ack", syn.get(1999));
    }
}
