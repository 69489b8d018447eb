package dev.vantage.udp;

import dev.vantage.probe.Service;
import dev.vantage.scan.PortState;
import dev.vantage.scan.Protocol;
import dev.vantage.scan.Reason;
import dev.vantage.target.Target;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real datagram sockets on loopback: a service that answers, one that answers only the second
 * attempt, one that answers from another port, one bound but silent, and ports with nothing
 * bound (the kernel answers ICMP port-unreachable). The scanner must tell them apart.
 */
class UdpScannerTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();
    private static final Target TARGET = new Target("127.0.0.1", LO);
    private static final UdpScanConfig FAST = UdpScanConfig.defaults().withTimeouts(Duration.ofMillis(300), Duration.ofMillis(600));
    private final List<DatagramSocket> sockets = new ArrayList<>();

    @AfterEach
    void close() {
        sockets.forEach(DatagramSocket::close);
    }

    /** A socket on loopback whose datagrams go to {@code reply} (socket, packet), on a virtual thread. */
    private DatagramSocket serve(InetAddress address, BiConsumer<DatagramSocket, DatagramPacket> reply) throws SocketException {
        DatagramSocket s = new DatagramSocket(new InetSocketAddress(address, 0));
        sockets.add(s);
        Thread.ofVirtual().start(() -> {
            byte[] buf = new byte[2048];
            while (!s.isClosed()) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    s.receive(p);
                } catch (IOException e) {
                    return;
                }
                reply.accept(s, p);
            }
        });
        return s;
    }

    private static void send(DatagramSocket s, DatagramPacket to, String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        try {
            s.send(new DatagramPacket(b, b.length, to.getSocketAddress()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int unboundPort() throws SocketException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(LO, 0))) {
            return s.getLocalPort();
        }
    }

    /** A probe for one port that recognises replies starting with "pong". */
    private record PongProbe(int port, List<byte[]> requests, boolean answersFromAnotherPort) implements UdpProbe {
        PongProbe(int port) {
            this(port, List.of("ping".getBytes(StandardCharsets.US_ASCII)), false);
        }

        @Override
        public UdpProbeInfo info() {
            return new UdpProbeInfo("pong", "pong", Set.of(port));
        }

        @Override
        public Optional<Service> parse(byte[] reply) {
            String s = new String(reply, StandardCharsets.US_ASCII);
            return s.startsWith("pong") ? Optional.of(Service.of("pong", "Pong", s.substring(4).strip(), null)) : Optional.empty();
        }

        @Override
        public Optional<Service> identify(List<byte[]> replies) {
            Optional<Service> first = UdpProbe.super.identify(replies);
            return first.map(s -> s.withDetail("replies", String.valueOf(replies.size())));
        }
    }

    @Test
    void tellsOpenClosedAndSilentApart() throws Exception {
        int open = serve(LO, (s, p) -> send(s, p, "pong 1.0")).getLocalPort();
        int unknown = serve(LO, (s, p) -> send(s, p, "hello\n")).getLocalPort();
        int silent = serve(LO, (s, p) -> { }).getLocalPort();
        int closed = unboundPort();
        UdpScanner scanner = new UdpScanner(FAST, List.of(new PongProbe(open)));

        Map<Target, List<UdpPortResult>> r = scanner.scan(List.of(TARGET), new int[] {silent, closed, open, unknown});
        List<UdpPortResult> ports = r.get(TARGET);
        assertEquals(4, ports.size());
        for (int i = 1; i < ports.size(); i++) assertTrue(ports.get(i - 1).port() < ports.get(i).port(), "ascending ports");

        UdpPortResult o = find(ports, open);
        assertEquals(PortState.OPEN, o.result().state());
        assertEquals(Reason.UDP_RESPONSE, o.result().reason());
        assertEquals(Protocol.UDP, o.result().protocol());
        assertEquals(1, o.result().attempts());
        assertTrue(o.result().rttMicros() >= 0);
        assertEquals("Pong 1.0", o.service().describe());
        assertEquals("udp", o.service().details().get(UdpScanner.TRANSPORT));

        UdpPortResult u = find(ports, unknown);
        assertEquals(PortState.OPEN, u.result().state());
        assertEquals("unknown", u.service().name());
        assertEquals("hello", u.service().banner());

        UdpPortResult c = find(ports, closed);
        assertEquals(PortState.CLOSED, c.result().state());
        assertEquals(Reason.PORT_UNREACH, c.result().reason());
        assertNull(c.service());

        UdpPortResult q = find(ports, silent);
        assertEquals(PortState.OPEN_FILTERED, q.result().state());
        assertEquals(Reason.NO_RESPONSE, q.result().reason());
        assertEquals(FAST.maxRetries() + 1, q.result().attempts(), "a silent port gets every retry");
        assertEquals(-1, q.result().rttMicros());
    }

    @Test
    void retransmitsUntilAnswered() throws Exception {
        AtomicInteger seen = new AtomicInteger();
        int lossy = serve(LO, (s, p) -> {
            if (seen.incrementAndGet() >= 2) send(s, p, "pong");
        }).getLocalPort();
        UdpPortResult r = new UdpScanner(FAST, List.of(new PongProbe(lossy))).probe(TARGET, lossy);
        assertEquals(PortState.OPEN, r.result().state());
        assertEquals(2, r.result().attempts(), "the first datagram was 'lost', the retransmission answered");
    }

    @Test
    void collectsTheRepliesToEveryRequestOfAnAttempt() throws Exception {
        int port = serve(LO, (s, p) -> send(s, p, "pong " + new String(p.getData(), 0, p.getLength(), StandardCharsets.US_ASCII)))
                .getLocalPort();
        PongProbe twoRequests = new PongProbe(port, List.of("a".getBytes(StandardCharsets.US_ASCII), "b".getBytes(StandardCharsets.US_ASCII)), false);
        UdpPortResult r = new UdpScanner(FAST, List.of(twoRequests)).probe(TARGET, port);
        assertEquals("2", r.service().details().get("replies"));
    }

    @Test
    void hearsAnAnswerFromAnotherPortWhenTheProbeExpectsOne() throws Exception {
        DatagramSocket transfer = new DatagramSocket(new InetSocketAddress(LO, 0));
        sockets.add(transfer);
        int port = serve(LO, (s, p) -> send(transfer, p, "pong tftp")).getLocalPort();   // like TFTP: a new port answers

        UdpPortResult plain = new UdpScanner(FAST, List.of(new PongProbe(port))).probe(TARGET, port);
        assertEquals(PortState.OPEN_FILTERED, plain.result().state(), "a connected channel never sees another port's answer");

        PongProbe tftpLike = new PongProbe(port, List.of("ping".getBytes(StandardCharsets.US_ASCII)), true);
        long start = System.nanoTime();
        UdpPortResult r = new UdpScanner(FAST, List.of(tftpLike)).probe(TARGET, port);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(PortState.OPEN, r.result().state());
        assertEquals("Pong tftp", r.service().describe());
        assertEquals(1, r.result().attempts(), "the listener beside the connected channel hears the answer to the first request");
        long schedule = 0;
        for (int n = 0; n <= FAST.maxRetries(); n++) schedule += FAST.attemptTimeout(n).toMillis();
        assertTrue(ms < schedule, "answered in " + ms + " ms, not after the connected schedule (" + schedule + " ms)");
    }

    /**
     * A port that may answer from another port is asked exactly as often as any other: the
     * listener beside the connected channel sends nothing. (Every extra datagram to a closed
     * port spends one of the host's rate-limited ICMP errors, which the other ports need.)
     */
    @Test
    void aPortThatMayAnswerFromAnotherPortIsAskedNoMoreOftenThanAnyOther() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        int port = serve(LO, (s, p) -> asked.incrementAndGet()).getLocalPort();
        PongProbe tftpLike = new PongProbe(port, List.of("ping".getBytes(StandardCharsets.US_ASCII)), true);
        UdpPortResult r = new UdpScanner(FAST, List.of(tftpLike)).probe(TARGET, port);
        assertEquals(PortState.OPEN_FILTERED, r.result().state());
        assertEquals(FAST.maxRetries() + 1, r.result().attempts());
        Thread.sleep(100);
        assertEquals(FAST.maxRetries() + 1, asked.get(), "one datagram per attempt, none from the listener");

        int closed = unboundPort();
        UdpPortResult c = new UdpScanner(FAST, List.of(new PongProbe(closed, tftpLike.requests(), true))).probe(TARGET, closed);
        assertEquals(PortState.CLOSED, c.result().state(), "the connected channel still hears the ICMP error");
        assertEquals(1, c.result().attempts());
    }

    @Test
    void scansSeveralTargetsInTheirOrder() throws Exception {
        InetAddress second = InetAddress.getByName("127.0.0.2");
        int port = serve(second, (s, p) -> send(s, p, "pong")).getLocalPort();
        Target t2 = new Target("127.0.0.2", second);
        List<UdpPortResult> streamed = new ArrayList<>();
        Map<Target, List<UdpPortResult>> r = new UdpScanner(FAST, List.of(new PongProbe(port)))
                .scan(List.of(t2, TARGET), new int[] {port}, streamed::add);
        assertEquals(List.of(t2, TARGET), List.copyOf(r.keySet()));
        assertEquals(PortState.OPEN, r.get(t2).get(0).result().state());
        assertEquals(PortState.CLOSED, r.get(TARGET).get(0).result().state(), "nothing is bound to that port on 127.0.0.1");
        assertEquals(2, streamed.size(), "every result is streamed as it is known");
    }

    @Test
    void sendsABareLineEndWhereNoProbeApplies() throws Exception {
        List<Integer> lengths = new ArrayList<>();
        int port = serve(LO, (s, p) -> {
            synchronized (lengths) {
                lengths.add(p.getLength());
            }
            send(s, p, "x");
        }).getLocalPort();
        UdpPortResult r = new UdpScanner(FAST, List.of()).probe(TARGET, port);
        assertEquals(PortState.OPEN, r.result().state());
        assertEquals(List.of(2), lengths, "CR LF: the JDK cannot send an empty datagram");
    }

    @Test
    void keepsToTheRateCap() throws Exception {
        int[] ports = new int[20];
        for (int i = 0; i < ports.length; i++) ports[i] = unboundPort();
        UdpScanConfig capped = FAST.withRate(50);
        long start = System.nanoTime();
        Map<Target, List<UdpPortResult>> r = new UdpScanner(capped, List.of()).scan(List.of(TARGET), ports);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms >= 300, "20 datagrams at 50/s take about 0.4 s, took " + ms + " ms");
        assertTrue(r.get(TARGET).stream().allMatch(p -> p.result().state() == PortState.CLOSED));
    }

    @Test
    void concurrentScansOnOneScannerShareTheRateCap() throws Exception {
        int[] ports = new int[10];
        for (int i = 0; i < ports.length; i++) ports[i] = unboundPort();
        UdpScanner scanner = new UdpScanner(FAST.withRate(40), List.of());
        long start = System.nanoTime();
        Thread other = Thread.ofVirtual().start(() -> scanner.scan(List.of(TARGET), ports));
        scanner.scan(List.of(TARGET), ports);
        other.join();
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms >= 400, "20 datagrams at 40/s over two scans take about 0.5 s, took " + ms + " ms");
    }

    @Test
    void workOverIpv6Loopback() throws Exception {
        InetAddress v6 = InetAddress.getByName("::1");
        DatagramSocket s;
        try {
            s = serve(v6, (sock, p) -> send(sock, p, "pong6"));
        } catch (SocketException e) {
            return;   // no IPv6 on this machine
        }
        Target t = new Target("::1", v6);
        int closed;
        try (DatagramSocket tmp = new DatagramSocket(new InetSocketAddress(v6, 0))) {
            closed = tmp.getLocalPort();
        }
        Map<Target, List<UdpPortResult>> r = new UdpScanner(FAST, List.of(new PongProbe(s.getLocalPort())))
                .scan(List.of(t), new int[] {s.getLocalPort(), closed});
        assertEquals(PortState.OPEN, find(r.get(t), s.getLocalPort()).result().state());
        assertEquals(PortState.CLOSED, find(r.get(t), closed).result().state());
    }

    @Test
    void theKeySetIsDocumentedAndCovered() {
        int[] key = UdpPorts.key();
        assertEquals(9, key.length);
        for (int p : key) assertNotNull(UdpProbeRegistry.forPort(UdpProbeRegistry.builtins(), p), "a probe for UDP " + p);
        for (UdpProbe p : UdpProbeRegistry.builtins()) {
            for (byte[] req : p.requests()) assertTrue(req.length > 0 && req.length <= 1400, p.info().id() + " request size");
        }
    }

    private static UdpPortResult find(List<UdpPortResult> list, int port) {
        return list.stream().filter(r -> r.port() == port).findFirst().orElseThrow();
    }
}
