package dev.vantage.it;

import dev.vantage.scan.PortState;
import dev.vantage.scan.Reason;
import dev.vantage.target.Target;
import dev.vantage.udp.UdpExchange;
import dev.vantage.udp.UdpPortResult;
import dev.vantage.udp.UdpProbeRegistry;
import dev.vantage.udp.UdpScanConfig;
import dev.vantage.udp.UdpScanner;
import dev.vantage.udp.probe.DnsUdpProbe;
import dev.vantage.udp.probe.DnsWire;
import dev.vantage.udp.probe.TftpUdpProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The three UDP states against real sockets on loopback, as nmap -sU sees them: dnsmasq answering
 * (open, identified as nmap -sV names it), a port with nothing bound (the kernel's ICMP
 * port-unreachable: closed), and a socket the test binds and never answers from (open|filtered).
 */
class UdpScanStatesIT {
    private static final String DNSMASQ = "/usr/sbin/dnsmasq";
    private static final String TFTPD = "/usr/sbin/in.tftpd";
    private static DataDaemons daemons;
    private static DatagramSocket silent;
    private static int dns;
    private static int closed;

    @BeforeAll
    static void up() throws Exception {
        assumeTrue(DataDaemons.usable(DNSMASQ), "needs root and dnsmasq");
        daemons = new DataDaemons("vantage-udp");
        dns = DataDaemons.freePort();
        daemons.start("dnsmasq", () -> answers(dns), Map.of(), DNSMASQ, "--no-daemon", "--port=" + dns,
                "--listen-address=127.0.0.1", "--bind-interfaces", "--no-resolv", "--no-hosts", "--conf-file=/dev/null",
                "--pid-file=" + daemons.dir.resolve("dnsmasq.pid"));
        silent = new DatagramSocket(new InetSocketAddress(DataDaemons.LO, 0));
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(DataDaemons.LO, 0))) {
            closed = s.getLocalPort();
        }
    }

    private static boolean answers(int port) {
        try (UdpExchange x = UdpExchange.open(new InetSocketAddress(DataDaemons.LO, port))) {
            byte[] q = DnsWire.query(7, "version.bind", DnsWire.TYPE_TXT, DnsWire.CLASS_CH, false);
            return !x.ask(q, 1, Duration.ofMillis(300), 1, 4096).isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    @AfterAll
    static void down() throws Exception {
        if (silent != null) silent.close();
        if (daemons != null) daemons.close();
    }

    @Test
    void openClosedAndOpenFilteredAsNmapSeesThem() throws Exception {
        Target t = new Target("127.0.0.1", DataDaemons.LO);
        UdpScanner scanner = new UdpScanner(UdpScanConfig.defaults().withTimeouts(Duration.ofMillis(500), Duration.ofMillis(1000)),
                List.of(DataDaemons.onPort(new DnsUdpProbe(), dns)));
        List<UdpPortResult> r = scanner.scan(List.of(t), new int[] {dns, closed, silent.getLocalPort()}).get(t);

        UdpPortResult open = find(r, dns);
        assertEquals(PortState.OPEN, open.result().state());
        assertEquals(Reason.UDP_RESPONSE, open.result().reason());
        assertEquals("dns", open.service().name());
        Optional<DataDaemons.NmapService> nmap = daemons.nmap(true, dns, 53, null);
        if (nmap.isPresent()) {
            assertEquals(nmap.get().state(), open.result().state().label());
            assertEquals(nmap.get().product(), open.service().product());
            assertEquals(nmap.get().versionOrNull(), open.service().version());
        }

        UdpPortResult c = find(r, closed);
        assertEquals(PortState.CLOSED, c.result().state());
        assertEquals(Reason.PORT_UNREACH, c.result().reason());
        daemons.nmap(true, false, closed, closed, null).ifPresent(n -> assertEquals(n.state(), c.result().state().label()));

        UdpPortResult quiet = find(r, silent.getLocalPort());
        assertEquals(PortState.OPEN_FILTERED, quiet.result().state());
        assertEquals(Reason.NO_RESPONSE, quiet.result().reason());
        daemons.nmap(true, false, silent.getLocalPort(), silent.getLocalPort(), null)
                .ifPresent(n -> assertEquals(n.state(), quiet.result().state().label()));
    }

    /**
     * Over a real link (two namespaces of this test, joined by a veth) the target's kernel limits
     * ICMP port-unreachables to a burst of six, then one a second: all nine closed ports of the
     * key set must still come out closed, not open|filtered.
     */
    @Test
    void closedPortsStayClosedDespiteIcmpRateLimiting() {
        assumeTrue(Netns.usable(), "needs root, ip and iptables");
        try (Netns net = new Netns()) {
            net.scannerAndTarget("vt-it-udp-scan", "vt-it-udp-tgt", "198.18.7");
            List<String> cmd = new java.util.ArrayList<>(List.of(Netns.java(), "-cp", Netns.testClasspath(),
                    UdpCheckMain.class.getName(), "198.18.7.20"));
            for (int p : dev.vantage.udp.UdpPorts.key()) cmd.add(String.valueOf(p));
            Netns.Result r = net.execAllowingFailure(180, "vt-it-udp-scan", cmd.toArray(String[]::new));
            assertEquals(0, r.exitCode(), r.err());
            List<String> lines = r.out().strip().lines().toList();
            assertEquals(9, lines.size(), r.out());
            for (String line : lines) assertEquals("closed", line.split("\t")[1], line);
        }
    }

    /**
     * A real TFTP server (tftpd-hpa) answers every request from a new port of its own: the
     * listener beside the connected channel must hear that answer, and the port is open.
     */
    @Test
    void tftpAnsweringFromANewPortIsOpen() throws Exception {
        assumeTrue(DataDaemons.usable(TFTPD), "needs root and tftpd-hpa");
        int port = DataDaemons.freePort();
        java.nio.file.Path root = daemons.dir.resolve("tftp-root");
        java.nio.file.Files.createDirectories(root);
        daemons.start("tftpd", () -> tftpAnswers(port), Map.of(), TFTPD, "--foreground", "--listen", "--user", "root",
                "--address", "127.0.0.1:" + port, "--secure", root.toString());
        Target t = new Target("127.0.0.1", DataDaemons.LO);
        UdpScanner scanner = new UdpScanner(UdpScanConfig.defaults().withTimeouts(Duration.ofMillis(500), Duration.ofMillis(1000)),
                List.of(DataDaemons.onPort(new TftpUdpProbe(), port)));
        UdpPortResult r = scanner.scan(List.of(t), new int[] {port}).get(t).get(0);
        assertEquals(PortState.OPEN, r.result().state(), r.toString());
        assertEquals(1, r.result().attempts(), "the first request's answer is heard");
        assertEquals("tftp", r.service().name());
        assertEquals("1", r.service().details().get("error_code"), "File not found: " + r.service());
    }

    private static boolean tftpAnswers(int port) {
        try (UdpExchange x = UdpExchange.openAcceptingAnyPort(new InetSocketAddress(DataDaemons.LO, port))) {
            x.send(new byte[] {0, 1, 'n', 'o', 'n', 'e', 0, 'o', 'c', 't', 'e', 't', 0});
            return x.receive(Duration.ofMillis(300)) != null;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void theKeySetHasAProbeForEveryPort() {
        for (int p : dev.vantage.udp.UdpPorts.key()) {
            assertEquals(true, UdpProbeRegistry.forPort(UdpProbeRegistry.all(), p) != null, "UDP " + p);
        }
    }

    private static UdpPortResult find(List<UdpPortResult> list, int port) {
        return list.stream().filter(x -> x.port() == port).findFirst().orElseThrow();
    }
}
