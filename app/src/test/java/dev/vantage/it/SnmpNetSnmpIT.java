package dev.vantage.it;

import dev.vantage.probe.Service;
import dev.vantage.scan.PortState;
import dev.vantage.udp.UdpExchange;
import dev.vantage.udp.UdpPortResult;
import dev.vantage.udp.probe.SnmpMessages;
import dev.vantage.udp.probe.SnmpUdpProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's snmpd (net-snmp) on free loopback UDP ports: one with {@code rocommunity public}, one
 * with a private community only. The UDP scan must find both open and name them as nmap -sU -sV
 * does (the v3 engine ID names net-snmp even when "public" is refused); {@code snmp-public-community}
 * must appear for the first only.
 */
class SnmpNetSnmpIT {
    private static final String SNMPD = "/usr/sbin/snmpd";
    private static DataDaemons daemons;
    private static int open;
    private static int strict;

    @BeforeAll
    static void up() throws Exception {
        assumeTrue(DataDaemons.usable(SNMPD), "needs root and snmpd");
        daemons = new DataDaemons("vantage-snmp");
        open = DataDaemons.freePort();
        strict = DataDaemons.freePort();
        start(open, "rocommunity public 127.0.0.1\n");
        start(strict, "rocommunity vantage-it-private 127.0.0.1\n");
    }

    private static void start(int port, String access) throws Exception {
        var conf = daemons.write("snmpd-" + port + ".conf", access + "sysLocation vantage-it\nsysContact nobody\n");
        var state = daemons.dir.resolve("state-" + port);
        Files.createDirectories(state);
        daemons.start("snmpd-" + port, () -> answers(port), Map.of("SNMP_PERSISTENT_DIR", state.toString(), "MIBS", "", "MIBDIRS", state.toString()),
                SNMPD, "-f", "-Lo", "-C", "-c", conf.toString(), "-p", daemons.dir.resolve("snmpd-" + port + ".pid").toString(),
                "udp:127.0.0.1:" + port);
    }

    private static boolean answers(int port) {
        try (UdpExchange x = UdpExchange.open(new InetSocketAddress(DataDaemons.LO, port))) {
            return !x.ask(SnmpMessages.v3Discovery(1), 1, Duration.ofMillis(300), 1, 4096).isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    @AfterAll
    static void down() throws Exception {
        if (daemons != null) daemons.close();
    }

    @Test
    void publicCommunityIsIdentifiedAsNmapNamesItAndReported() throws Exception {
        Service s = scan(open);
        assertEquals("SNMPv1 server; net-snmp SNMPv3 server", s.product());
        assertNmapAgrees(open, s);
        assertEquals(List.of("snmp-public-community"), DataDaemons.findings(open, s));
    }

    @Test
    void aPrivateCommunityIsIdentifiedThroughV3AndNotReported() throws Exception {
        Service s = scan(strict);
        assertEquals("net-snmp; net-snmp SNMPv3 server", s.product());
        assertNmapAgrees(strict, s);
        assertEquals(List.of(), DataDaemons.findings(strict, s));
    }

    private static Service scan(int port) {
        UdpPortResult r = DataDaemons.udpScan(port, new SnmpUdpProbe());
        assertEquals(PortState.OPEN, r.result().state());
        assertNotNull(r.service());
        assertEquals("snmp", r.service().name());
        assertEquals("8072", r.service().details().get("enterprise"));
        return r.service();
    }

    private static void assertNmapAgrees(int port, Service s) throws Exception {
        Optional<DataDaemons.NmapService> nmap = daemons.nmap(true, port, 161, null);
        if (nmap.isPresent()) {
            assertEquals("open", nmap.get().state());
            assertEquals(nmap.get().product(), s.product());
            assertEquals(nmap.get().versionOrNull(), s.version());
        }
    }
}
