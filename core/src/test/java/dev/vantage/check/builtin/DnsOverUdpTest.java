package dev.vantage.check.builtin;

import dev.vantage.check.Finding;
import dev.vantage.probe.Service;
import dev.vantage.udp.UdpScanner;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DNS checks on a service the UDP scan found go over UDP: a loopback resolver that answers
 * datagrams, with a TCP listener on the same port number that must never see a connection.
 */
class DnsOverUdpTest {

    /** Answers every query with its own id and RA + SERVFAIL: a resolver that tried to recurse for us. */
    private static final class UdpResolver implements AutoCloseable {
        final DatagramSocket udp;
        final ServerSocket tcp;
        final AtomicInteger queries = new AtomicInteger();
        final AtomicInteger tcpConnections = new AtomicInteger();
        private final Thread udpThread;
        private final Thread tcpThread;

        UdpResolver() throws IOException {
            InetAddress lo = InetAddress.getLoopbackAddress();
            ServerSocket t = null;
            DatagramSocket u = null;
            for (int i = 0; i < 20 && t == null; i++) {   // the same port number free for both
                u = new DatagramSocket(new InetSocketAddress(lo, 0));
                try {
                    t = new ServerSocket(u.getLocalPort(), 5, lo);
                } catch (IOException busy) {
                    u.close();
                }
            }
            if (t == null) throw new IOException("no port free for UDP and TCP at once");
            udp = u;
            tcp = t;
            udp.setSoTimeout(200);
            udpThread = Thread.ofVirtual().start(this::serveUdp);
            tcpThread = Thread.ofVirtual().start(this::countTcp);
        }

        int port() {
            return udp.getLocalPort();
        }

        private void serveUdp() {
            byte[] buf = new byte[512];
            while (!udp.isClosed()) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    udp.receive(p);
                } catch (SocketTimeoutException e) {
                    continue;
                } catch (IOException e) {
                    return;
                }
                queries.incrementAndGet();
                byte[] reply = Arrays.copyOf(p.getData(), p.getLength());
                reply[2] = (byte) 0x81;   // QR, RD
                reply[3] = (byte) 0x82;   // RA, SERVFAIL
                try {
                    udp.send(new DatagramPacket(reply, reply.length, p.getSocketAddress()));
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void countTcp() {
            while (!tcp.isClosed()) {
                try {
                    tcp.accept().close();
                    tcpConnections.incrementAndGet();
                } catch (IOException e) {
                    return;
                }
            }
        }

        @Override
        public void close() throws Exception {
            udp.close();
            tcp.close();
            udpThread.join(2000);
            tcpThread.join(2000);
        }
    }

    private static InfraCheckContext udpDns(int port) {
        return InfraCheckContext.of("127.0.0.1", port, Service.of("dns", null, null, null).withDetail(UdpScanner.TRANSPORT, UdpScanner.UDP));
    }

    @Test
    void theResolverCheckAsksInDatagramsAndSaysSo() throws Exception {
        try (UdpResolver server = new UdpResolver()) {
            List<Finding> f = new DnsOpenResolverCheck().run(udpDns(server.port()));
            assertEquals(1, f.size(), f.toString());
            assertTrue(f.get(0).evidence().startsWith("a recursive query over UDP"), f.get(0).evidence());
            assertEquals(1, server.queries.get());
            assertEquals(0, server.tcpConnections.get(), "no TCP connection for a UDP service");
        }
    }

    @Test
    void noZoneTransferIsTriedOnAUdpService() throws Exception {
        try (UdpResolver server = new UdpResolver()) {
            assertEquals(List.of(), new DnsZoneTransferCheck().run(udpDns(server.port())));
            assertEquals(0, server.queries.get());
            assertEquals(0, server.tcpConnections.get());
        }
    }

    @Test
    void theSameServiceOnTcpIsAskedOverTcp() throws Exception {
        try (UdpResolver server = new UdpResolver()) {
            InfraCheckContext tcp = InfraCheckContext.of("127.0.0.1", server.port(), Service.of("dns", null, null, null));
            try {
                new DnsOpenResolverCheck().run(tcp);
            } catch (IOException expected) {
                // the TCP side only counts and hangs up: no answer
            }
            assertEquals(0, server.queries.get(), "no datagram for a TCP service");
            assertEquals(1, server.tcpConnections.get());
        }
    }
}
