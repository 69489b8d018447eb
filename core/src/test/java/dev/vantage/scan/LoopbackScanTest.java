package dev.vantage.scan;

import dev.vantage.target.PortList;
import dev.vantage.target.Target;
import dev.vantage.scan.internal.TcpScanEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real sockets on loopback: listeners that accept, greet, close at once, reset at once, or never
 * accept; the scanner must tell them apart and find every one of them.
 */
class LoopbackScanTest {
    private final List<AutoCloseable> resources = new ArrayList<>();

    /** The lanes under test: NIO here; {@link NativeLoopbackScanTest} runs every test again on Linux's own calls. */
    String engine() {
        return "nio";
    }

    @BeforeEach
    void chooseEngine() {
        System.setProperty("vantage.engine", engine());
        assertEquals(engine(), TcpScanEngine.engineName());
    }

    @AfterEach
    void closeAll() throws Exception {
        System.clearProperty("vantage.engine");
        for (AutoCloseable c : resources) c.close();
    }

    private ServerSocket listen(InetAddress address, int backlog) throws IOException {
        ServerSocket s = new ServerSocket();
        s.bind(new InetSocketAddress(address, 0), backlog);
        resources.add(s);
        return s;
    }

    /** Accepts every connection and hands it to the behaviour, on a virtual thread. */
    private int serve(InetAddress address, SocketBehaviour behaviour) throws IOException {
        ServerSocket s = listen(address, 50);
        Thread.ofVirtual().start(() -> {
            while (!s.isClosed()) {
                try {
                    Socket c = s.accept();
                    behaviour.handle(c);
                } catch (IOException e) {
                    return;
                }
            }
        });
        return s.getLocalPort();
    }

    interface SocketBehaviour {
        void handle(Socket s) throws IOException;
    }

    private static int freePort(InetAddress address) throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, address)) {
            return s.getLocalPort();
        }
    }

    private static Collector scan(InetAddress address, int... ports) {
        Collector c = new Collector();
        ScanConfig config = ScanConfig.defaults().withRestrictedWait(Duration.ofMillis(300));
        new TcpScanner(config).scan(List.of(new Target(address.getHostAddress(), address)), PortList.of(ports), c);
        return c;
    }

    @Test
    void tellsOpenGreetingClosedAtOnceResetAtOnceAndClosedApart() throws Exception {
        InetAddress lo = InetAddress.getByName("127.0.0.1");
        List<Socket> held = new ArrayList<>();
        resources.add(() -> { for (Socket s : held) s.close(); });
        int silent = serve(lo, held::add);                                   // e.g. HTTP: waits for us
        int greeting = serve(lo, s -> {                                      // e.g. SSH: speaks first
            OutputStream o = s.getOutputStream();
            o.write("SSH-2.0-Test\r\n".getBytes());
            o.flush();
            held.add(s);
        });
        int closesAtOnce = serve(lo, Socket::close);                          // inetd/tcpwrappers refusing us
        int resetsAtOnce = serve(lo, s -> { s.setSoLinger(true, 0); s.close(); });
        int closed = freePort(lo);

        Map<Integer, PortResult> r = scan(lo, silent, greeting, closesAtOnce, resetsAtOnce, closed).byPort();

        assertEquals(PortState.OPEN, r.get(silent).state());
        assertEquals(Reason.SYN_ACK, r.get(silent).reason());
        assertEquals(PortState.OPEN, r.get(greeting).state());
        assertEquals(PortState.OPEN_RESTRICTED, r.get(closesAtOnce).state());
        assertEquals(Reason.CLOSED_AT_ONCE, r.get(closesAtOnce).reason());
        assertEquals(PortState.OPEN_RESTRICTED, r.get(resetsAtOnce).state());
        assertEquals(PortState.CLOSED, r.get(closed).state());
        assertEquals(Reason.CONN_REFUSED, r.get(closed).reason());
        assertTrue(r.get(silent).rttMicros() >= 0);
    }

    @Test
    void toldOnceWhenOnlyWatchedConnectionsRemainBeforeTheHostIsDone() throws Exception {
        InetAddress lo = InetAddress.getByName("127.0.0.1");
        List<Socket> held = new ArrayList<>();
        resources.add(() -> { for (Socket s : held) s.close(); });
        int silent = serve(lo, held::add);            // watched for the whole restricted wait
        int closesAtOnce = serve(lo, Socket::close);  // watched until its close arrives
        int[] ports = new int[12];
        ports[0] = silent;
        ports[1] = closesAtOnce;
        for (int i = 2; i < ports.length; i++) ports[i] = freePort(lo);
        Collector c = new Collector();
        // A long watch: the closed ports are long decided when the silent one's watch ends.
        ScanConfig config = ScanConfig.defaults().withRestrictedWait(Duration.ofMillis(1000));
        new TcpScanner(config).scan(List.of(new Target("127.0.0.1", lo)), PortList.of(ports), c);

        assertEquals(1, c.settling.size(), "told once");
        int doneThen = c.doneWhenSettling.getFirst();
        assertTrue(doneThen >= 0, "told before the host was done");
        List<Integer> laterPorts = c.ports.subList(doneThen, c.ports.size()).stream().map(PortResult::port).toList();
        assertTrue(laterPorts.contains(silent), "the silent listener was still watched: " + laterPorts);
        assertTrue(List.of(silent, closesAtOnce).containsAll(laterPorts), "only watched ports came after: " + laterPorts);
        assertEquals(PortState.OPEN, c.byPort().get(silent).state());
        assertEquals(PortState.OPEN_RESTRICTED, c.byPort().get(closesAtOnce).state());
    }

    @Test
    void aListenerThatNeverAcceptsIsStillOpen() throws Exception {
        InetAddress lo = InetAddress.getByName("127.0.0.1");
        ServerSocket neverAccepts = listen(lo, 50);
        PortResult r = scan(lo, neverAccepts.getLocalPort()).byPort().get(neverAccepts.getLocalPort());
        // The kernel completes the handshake from its queue; nobody ever reads or closes.
        assertEquals(PortState.OPEN, r.state());
    }

    @Test
    void aFullBacklogDropsSynsAndIsReportedFilteredNotClosed() throws Exception {
        InetAddress lo = InetAddress.getByName("127.0.0.1");
        ServerSocket full = listen(lo, 1);
        List<Socket> fillers = new ArrayList<>();
        resources.add(() -> { for (Socket s : fillers) s.close(); });
        // Fill the accept queue (backlog 1 holds two on Linux) so further SYNs are dropped.
        for (int i = 0; i < 3; i++) {
            Socket s = new Socket();
            try {
                s.connect(full.getLocalSocketAddress(), 300);
                fillers.add(s);
            } catch (IOException e) {
                s.close();
            }
        }
        Collector c = new Collector();
        ScanConfig quick = ScanConfig.defaults().withTimeouts(Duration.ofMillis(200), Duration.ofMillis(100), Duration.ofMillis(300));
        new TcpScanner(quick).scan(List.of(new Target("lo", lo)), PortList.of(full.getLocalPort()), c);
        PortResult r = c.ports.getFirst();
        assertEquals(PortState.FILTERED, r.state(), "a listener that drops SYNs answers nothing, which is what filtered means");
        assertEquals(Reason.NO_RESPONSE, r.reason());
        assertEquals(3, r.attempts(), "the first attempt and two retransmissions");
    }

    @Test
    void ipv6WorksEndToEnd() throws Exception {
        InetAddress lo6 = InetAddress.getByName("::1");
        int open = serve(lo6, s -> { });
        int closesAtOnce = serve(lo6, Socket::close);
        int closed = freePort(lo6);
        Collector c = scan(lo6, open, closesAtOnce, closed);
        Map<Integer, PortResult> r = c.byPort();
        assertEquals(PortState.OPEN, r.get(open).state());
        assertEquals(PortState.OPEN_RESTRICTED, r.get(closesAtOnce).state());
        assertEquals(PortState.CLOSED, r.get(closed).state());
        assertEquals("::1", c.hosts.getFirst().target().addressText());
    }

    @Test
    void findsEveryListenerAmongAllPortsAndStreamsEachResultOnce() throws Exception {
        InetAddress lo = InetAddress.getByName("127.0.0.1");
        List<Integer> open = new ArrayList<>();
        List<Socket> held = new ArrayList<>();
        resources.add(() -> { for (Socket s : held) s.close(); });
        for (int i = 0; i < 10; i++) open.add(serve(lo, held::add));
        Collector c = new Collector();
        new TcpScanner(ScanConfig.defaults()).scan(List.of(new Target("127.0.0.1", lo)), PortList.all(), c);

        assertEquals(65535, c.ports.size());
        assertEquals(65535, c.ports.stream().mapToInt(PortResult::port).distinct().count());
        assertEquals(1, c.hosts.size());
        assertEquals(1, c.finishedCalls);
        HostResult h = c.hosts.getFirst();
        List<Integer> found = h.reachable().stream().map(PortResult::port).toList();
        assertTrue(found.containsAll(open), "found " + found + ", expected " + open);
        assertEquals(65535, h.counts().total());
        assertEquals(h.counts(), c.summary.counts());
        assertEquals(0, h.counts().filtered());
    }

    @Test
    void manyLoopbackAddressesEachGetTheirOwnResult() throws Exception {
        List<Target> targets = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            InetAddress a = InetAddress.getByName("127.0.1." + i);
            targets.add(new Target(a.getHostAddress(), a));
        }
        ServerSocket s = new ServerSocket();
        s.bind(new InetSocketAddress(InetAddress.getByName("127.0.1.77"), 0));
        resources.add(s);
        Collector c = new Collector();
        new TcpScanner(ScanConfig.defaults()).scan(targets, PortList.of(s.getLocalPort(), 1), c);
        assertEquals(200, c.hosts.size());
        assertEquals(400, c.ports.size());
        long open = c.ports.stream().filter(p -> p.state() == PortState.OPEN).count();
        assertEquals(1, open);
        assertEquals("127.0.1.77", c.ports.stream().filter(p -> p.state() == PortState.OPEN).findFirst().orElseThrow().target().addressText());
    }

    @Test
    void theRateCapIsHonoured() throws Exception {
        InetAddress lo = InetAddress.getByName("127.0.0.1");
        long start = System.nanoTime();
        Collector c = new Collector();
        new TcpScanner(ScanConfig.defaults().withRate(200)).scan(List.of(new Target("lo", lo)), PortList.parse("1-100"), c);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(100, c.ports.size());
        // 100 attempts at 200/s need at least ~0.5 s (less the initial burst of one token).
        assertTrue(seconds >= 0.45, "took " + seconds + " s");
    }
}
