package dev.vantage.scan;

import dev.vantage.scan.internal.TcpScanEngine;
import dev.vantage.target.PortList;
import dev.vantage.target.Target;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * PROTOTYPE: every loopback test again on the raw-socket SYN lane (root only; IPv6 targets fall
 * back to the connect lanes), plus a side-by-side comparison with the native connect lanes.
 */
class SynLoopbackScanTest extends LoopbackScanTest {

    @BeforeAll
    static void onlyAsRootOnLinuxWithTheForeignFunctionApi() {
        assumeTrue(Runtime.version().feature() >= 22 && System.getProperty("os.name").equals("Linux"),
                "the SYN lane needs Linux and Java 22 or newer");
        System.setProperty("vantage.engine", "syn");
        try {
            assumeTrue(TcpScanEngine.engineName().equals("syn"), "the SYN lane needs a raw socket (root)");
        } finally {
            System.clearProperty("vantage.engine");
        }
    }

    @Override
    String engine() {
        return "syn";
    }

    @Test
    void agreesWithTheConnectLanesOnEveryPortOfARange() throws Exception {
        InetAddress lo = InetAddress.getByName("127.0.0.1");
        List<AutoCloseable> mine = new ArrayList<>();
        List<Socket> held = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                ServerSocket s = new ServerSocket();
                s.bind(new InetSocketAddress(lo, 0), 50);
                mine.add(s);
                ports.add(s.getLocalPort());
                boolean closesAtOnce = i % 2 == 1;
                Thread.ofVirtual().start(() -> {
                    while (!s.isClosed()) {
                        try {
                            Socket c = s.accept();
                            if (closesAtOnce) c.close();
                            else synchronized (held) { held.add(c); }
                        } catch (Exception e) {
                            return;
                        }
                    }
                });
            }
            // The listeners plus 2000 ports around the first one, most of them closed.
            int base = Math.max(1, Math.min(ports.getFirst() - 1000, 65535 - 2000));
            StringBuilder spec = new StringBuilder(base + "-" + (base + 1999));
            for (int p : ports) spec.append(',').append(p);

            Map<Integer, PortState> syn = states(lo, spec.toString(), "syn");
            Map<Integer, PortState> connect = states(lo, spec.toString(), "native");
            assertEquals(connect, syn);
            for (int i = 0; i < ports.size(); i++) {
                assertEquals(i % 2 == 1 ? PortState.OPEN_RESTRICTED : PortState.OPEN, syn.get(ports.get(i)), "port " + ports.get(i));
            }
        } finally {
            for (AutoCloseable c : mine) c.close();
            synchronized (held) { for (Socket s : held) s.close(); }
        }
    }

    private static Map<Integer, PortState> states(InetAddress lo, String ports, String engine) {
        System.setProperty("vantage.engine", engine);
        try {
            assertEquals(engine, TcpScanEngine.engineName());
            Collector c = new Collector();
            ScanConfig config = ScanConfig.defaults().withRestrictedWait(Duration.ofMillis(300));
            new TcpScanner(config).scan(List.of(new Target(lo.getHostAddress(), lo)), PortList.parse(ports), c);
            Map<Integer, PortState> m = new TreeMap<>();
            for (PortResult r : c.ports) m.put(r.port(), r.state());
            return m;
        } finally {
            System.setProperty("vantage.engine", "syn");
        }
    }
}
