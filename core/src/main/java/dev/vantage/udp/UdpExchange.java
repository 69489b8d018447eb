package dev.vantage.udp;

import org.jspecify.annotations.Nullable;

import java.io.Closeable;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A conversation in datagrams with one UDP port, on a <em>connected</em> channel: the kernel
 * drops datagrams from anyone else, and an ICMP port-unreachable for our earlier datagram
 * surfaces as a {@link PortUnreachableException} on the next send or receive — the only way to
 * tell "closed" from "silent" without raw sockets.
 *
 * <p>Every receive is bounded in time; a reply is at most {@value #MAX_DATAGRAM} bytes and
 * {@link #receiveAll} keeps at most a given number of datagrams. Blocking, for virtual threads;
 * not thread-safe: one conversation, one thread.
 */
public final class UdpExchange implements Closeable {
    /** The largest datagram we accept; longer ones are truncated by the kernel. */
    public static final int MAX_DATAGRAM = 65_507;

    private final DatagramChannel channel;
    private final DatagramSocket socket;
    private final InetSocketAddress remote;
    private final boolean connected;
    private final byte[] buffer = new byte[MAX_DATAGRAM];

    private UdpExchange(DatagramChannel channel, InetSocketAddress remote, boolean connected) {
        this.channel = channel;
        this.socket = channel.socket();
        this.remote = remote;
        this.connected = connected;
    }

    /** A connected channel to {@code remote} (nothing is sent yet). */
    public static UdpExchange open(InetSocketAddress remote) throws IOException {
        return open(remote, true, false);
    }

    /**
     * As {@link #open}, on a local port that {@link #openBeside} can share: for protocols that
     * answer from a new port (TFTP).
     */
    public static UdpExchange openShareable(InetSocketAddress remote) throws IOException {
        return open(remote, true, true);
    }

    /**
     * An unconnected channel that sends to {@code remote} from a port of its own and accepts
     * replies from any port of its address. ICMP errors are not reported on it, and each of its
     * datagrams to a closed port spends one of the host's rate-limited ICMP errors: the fallback
     * where {@link #openBeside} is refused.
     */
    public static UdpExchange openAcceptingAnyPort(InetSocketAddress remote) throws IOException {
        return open(remote, false, false);
    }

    /**
     * An unconnected channel on this (shareable, connected) channel's local port, for listening
     * only. The kernel gives a datagram to the socket that matches it best: replies from the
     * remote port itself, and ICMP errors about our datagrams, still come to the connected
     * channel; what the remote address sends from any other port comes here. So a TFTP server's
     * answer from a new port is heard without a second request, and a closed port is asked
     * exactly as often as any other.
     *
     * @throws IOException if the platform refuses a second socket on the port (then use
     *                     {@link #openAcceptingAnyPort})
     */
    public UdpExchange openBeside() throws IOException {
        if (!connected) throw new IllegalStateException("only a connected channel has a listener beside it");
        InetSocketAddress local = (InetSocketAddress) channel.getLocalAddress();
        DatagramChannel ch = DatagramChannel.open(remote.getAddress() instanceof Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        try {
            ch.configureBlocking(true);
            ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            ch.bind(local);
            return new UdpExchange(ch, remote, false);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    private static UdpExchange open(InetSocketAddress remote, boolean connect, boolean shareable) throws IOException {
        if (remote.isUnresolved()) throw new IOException("unresolved address " + remote);
        DatagramChannel ch = DatagramChannel.open(remote.getAddress() instanceof Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        try {
            ch.configureBlocking(true);
            if (shareable) {
                ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);   // before the bind that connect would do
                ch.bind(null);
            }
            if (connect) ch.connect(remote);
            else ch.bind(null);
            return new UdpExchange(ch, remote, connect);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    public InetSocketAddress remote() {
        return remote;
    }

    /** Sends one datagram. @throws PortUnreachableException if an earlier datagram drew ICMP port-unreachable */
    public void send(byte[] datagram) throws IOException {
        if (connected) channel.write(ByteBuffer.wrap(datagram));
        else channel.send(ByteBuffer.wrap(datagram), remote);
    }

    /**
     * Waits at most {@code wait} for one datagram.
     *
     * @return the datagram, or null if none came in time
     * @throws PortUnreachableException if the host answered with ICMP port-unreachable
     */
    public byte @Nullable [] receive(Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        for (int stray = 0; stray < 64; stray++) {          // an unconnected channel may see others' datagrams
            long ms = (deadline - System.nanoTime()) / 1_000_000;
            if (ms <= 0) return null;
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, ms));
            DatagramPacket p = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(p);
            } catch (SocketTimeoutException e) {
                return null;
            }
            if (connected || remote.getAddress().equals(p.getAddress())) return Arrays.copyOf(p.getData(), p.getLength());
        }
        return null;
    }

    /**
     * Collects the datagrams of a multi-datagram answer: waits up to {@code first} for the first,
     * then keeps reading while more arrive within {@code quiet} of each other, up to
     * {@code maxDatagrams} datagrams or {@code maxBytes} bytes. Empty if nothing came.
     */
    public List<byte[]> receiveAll(Duration first, Duration quiet, int maxDatagrams, int maxBytes) throws IOException {
        List<byte[]> got = new ArrayList<>();
        int bytes = 0;
        byte[] d = receive(first);
        while (d != null) {
            got.add(d);
            bytes += d.length;
            if (got.size() >= maxDatagrams || bytes >= maxBytes) break;
            d = receive(quiet);
        }
        return got;
    }

    /**
     * Sends {@code request} up to {@code attempts} times, each time waiting {@code wait} for an
     * answer, and returns the answer's datagrams (see {@link #receiveAll}); empty if the port
     * stayed silent.
     *
     * @throws PortUnreachableException if the host said nothing listens there
     */
    public List<byte[]> ask(byte[] request, int attempts, Duration wait, int maxDatagrams, int maxBytes) throws IOException {
        for (int i = 0; i < Math.max(1, attempts); i++) {
            send(request);
            List<byte[]> got = receiveAll(wait, Duration.ofMillis(Math.min(300, Math.max(50, wait.toMillis() / 4))),
                    maxDatagrams, maxBytes);
            if (!got.isEmpty()) return got;
        }
        return List.of();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing to do about a failed close of a socket we are abandoning
        }
    }
}
