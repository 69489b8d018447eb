package dev.vantage.it;

import dev.vantage.probe.Service;
import dev.vantage.scan.PortState;
import dev.vantage.scan.Reason;
import dev.vantage.udp.UdpPortResult;
import dev.vantage.udp.UdpScanner;
import dev.vantage.udp.probe.MemcachedUdpProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's memcached on loopback, with UDP on ({@code -U port}) and off ({@code -U 0}). Over TCP
 * identification must equal nmap -sV and {@code memcached -V}; over UDP the scanner must find the
 * port open and name the same version, and closed when UDP is off; {@code memcached-no-auth} must
 * appear for TCP and for UDP when it answers.
 */
class MemcachedServerIT {
    private static final String MEMCACHED = "/usr/bin/memcached";
    private static DataDaemons daemons;
    private static int withUdp;
    private static int tcpOnly;

    @BeforeAll
    static void up() throws Exception {
        assumeTrue(DataDaemons.usable(MEMCACHED), "needs root and memcached");
        daemons = new DataDaemons("vantage-memcached");
        withUdp = DataDaemons.freePort();
        tcpOnly = DataDaemons.freePort();
        daemons.startTcp("memcached-udp", withUdp, MEMCACHED, "-l", "127.0.0.1", "-p", String.valueOf(withUdp),
                "-U", String.valueOf(withUdp), "-u", "nobody", "-m", "16");
        daemons.startTcp("memcached-tcp", tcpOnly, MEMCACHED, "-l", "127.0.0.1", "-p", String.valueOf(tcpOnly),
                "-U", "0", "-u", "nobody", "-m", "16");
    }

    @AfterAll
    static void down() throws Exception {
        if (daemons != null) daemons.close();
    }

    private static String ownVersion() throws Exception {
        return DataDaemons.run(20, MEMCACHED, "-V").strip().replace("memcached ", "");
    }

    @Test
    void overTcpItIsIdentifiedAsNmapNamesItAndReported() throws Exception {
        Service s = DataDaemons.identify(withUdp);
        assertEquals("memcached", s.name());
        assertEquals("Memcached", s.product());
        assertEquals(ownVersion(), s.version());
        Optional<DataDaemons.NmapService> nmap = daemons.nmap(false, withUdp, 11211, null);
        if (nmap.isPresent()) {
            assertEquals(nmap.get().product(), s.product());
            assertEquals(nmap.get().versionOrNull(), s.version());
        }
        assertEquals(List.of("memcached-no-auth"), DataDaemons.findings(withUdp, s));
    }

    @Test
    void overUdpItIsOpenIdentifiedAndReportedAsAnAmplifier() throws Exception {
        UdpPortResult r = DataDaemons.udpScan(withUdp, new MemcachedUdpProbe());
        assertEquals(PortState.OPEN, r.result().state());
        assertEquals(Reason.UDP_RESPONSE, r.result().reason());
        Service s = r.service();
        assertNotNull(s);
        assertEquals("Memcached", s.product());
        assertEquals(ownVersion(), s.version());
        assertEquals(UdpScanner.UDP, s.details().get(UdpScanner.TRANSPORT));
        var outcome = DataDaemons.outcome(withUdp, s);
        assertEquals(1, outcome.findings().size(), outcome.toString());
        assertEquals("memcached-no-auth", outcome.findings().get(0).id());
        assertTrue(outcome.findings().get(0).evidence().contains("over UDP"), outcome.findings().get(0).evidence());
    }

    @Test
    void withUdpOffThePortIsClosed() throws Exception {
        UdpPortResult r = DataDaemons.udpScan(tcpOnly, new MemcachedUdpProbe());
        assertEquals(PortState.CLOSED, r.result().state());
        assertEquals(Reason.PORT_UNREACH, r.result().reason());
        Optional<DataDaemons.NmapService> nmap = daemons.nmap(true, false, tcpOnly, 11211, null);
        nmap.ifPresent(n -> assertEquals("closed", n.state()));
    }
}
