package dev.vantage.scan.internal;

import dev.vantage.scan.PortState;
import dev.vantage.scan.Reason;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static dev.vantage.scan.internal.LinuxSockets.EAGAIN;
import static dev.vantage.scan.internal.LinuxSockets.EALREADY;
import static dev.vantage.scan.internal.LinuxSockets.ECONNREFUSED;
import static dev.vantage.scan.internal.LinuxSockets.ECONNRESET;
import static dev.vantage.scan.internal.LinuxSockets.EINPROGRESS;
import static dev.vantage.scan.internal.LinuxSockets.EINTR;
import static dev.vantage.scan.internal.LinuxSockets.EISCONN;
import static dev.vantage.scan.internal.LinuxSockets.ENOBUFS;
import static dev.vantage.scan.internal.LinuxSockets.EPOLLIN;
import static dev.vantage.scan.internal.LinuxSockets.EPOLLOUT;
import static dev.vantage.scan.internal.LinuxSockets.EPOLLRDHUP;

/**
 * A half-open scan over one raw socket, as {@code nmap -sS} does, for root on Linux and IPv4
 * targets: {@code --scan-method syn}, and what {@code auto} picks where it can run.
 *
 * <p>Each attempt is one SYN, built here (TCP header and pseudo-header checksum), sent from one
 * source port that a bound, never-connected socket reserves so the kernel gives it to nobody
 * else. Replies are read from the same raw socket: a RST means closed, a SYN-ACK means something
 * listens. Our kernel knows no connection on the source port, so it answers the SYN-ACK with a RST
 * and the listener forgets the half-open connection. A reply counts only if it acknowledges the
 * sequence number we derived for that address and port.
 *
 * <p>A SYN-ACK is not yet a verdict: the inetd/tcpwrappers case (accept, then close at once) looks
 * the same at the SYN stage. So every SYN-ACK port gets a full connect and the same watch as
 * {@link NativeConnectLane}, and ends open or open-restricted exactly as there. Timing, retries
 * and windows are the scheduler's, fed with the SYN round trips.
 *
 * <p>Each lane has its own raw socket and source port (and a kernel filter for that port), so
 * lanes never see each other's replies; on loopback the kernel does the target's work inside our
 * send call, so two lanes use both cores. All state here belongs to the lane's thread.
 */
final class SynLane implements Lane {
    private static final int MAX_EVENTS = 64;
    private static final int LAUNCH_BATCH = 512;
    private static final int READ_BATCH = 4096;
    private static final int BATCH = 64;
    private static final long SWEEP_EVERY_NANOS = 2_000_000;
    private static final long MAX_IDLE_NANOS = 5_000_000;
    private static final int TCP_SYN = 0x02;
    private static final int TCP_RST = 0x04;
    private static final int TCP_ACK = 0x10;
    private static final int RECEIVE_BUFFER = 64 << 20;

    private final Scheduler scheduler;
    private final LinuxSockets.Session calls;
    private final int raw;
    /** Every ICMP message to this host: unreachables that quote one of our SYNs decide its port. */
    private final int icmp;
    private final Socket reservation;
    private final int sourcePort;
    private final int secret = ThreadLocalRandom.current().nextInt();
    private final Probe[] batch = new Probe[32];
    private final LinuxSockets.Batch io;
    private final ByteBuffer[] sendSlots;
    private final ByteBuffer[] receiveSlots;
    /** Probes whose SYNs sit in the send slots, not yet handed to the kernel. */
    private final Probe[] queued;
    private int queuedCount;
    /** Ports refused in the batch being read, handed to the scheduler together (one hold of its lock). */
    private final Probe[] refused = new Probe[BATCH];
    private int refusedCount;
    /** SYNs waiting for an answer, by (IPv4 address, port). */
    private final Map<Long, Probe> waiting = new HashMap<>();
    /** The same SYNs in sending order, for the timeout sweep (answered ones are skipped lazily). */
    private final List<Probe> sent = new ArrayList<>();
    /** Full connects to SYN-ACK ports, by descriptor. */
    private final Map<Integer, Probe> confirming = new HashMap<>();
    private final Map<InetAddress, byte[]> sourceFor = new IdentityHashMap<>();
    private volatile boolean cancelled;
    private long lastSweep;

    /** Opens the raw socket; throws {@link IllegalStateException} when the system refuses it (not root). */
    SynLane(Scheduler scheduler, LinuxSockets sockets) {
        this.scheduler = scheduler;
        this.calls = sockets.session(MAX_EVENTS);
        int fd = calls.rawTcpSocket();
        if (fd < 0) {
            calls.close();
            throw new IllegalStateException("raw socket refused (errno " + -fd + "): the SYN scan needs root");
        }
        this.raw = fd;
        this.icmp = calls.rawIcmpSocket();
        // Without room for a burst of replies the kernel drops them, and drops read as loss.
        calls.setInt(raw, LinuxSockets.SOL_SOCKET, LinuxSockets.SO_RCVBUFFORCE, RECEIVE_BUFFER);
        try {
            reservation = new Socket();
            reservation.bind(new InetSocketAddress(0));
        } catch (IOException e) {
            calls.close(raw);
            if (icmp >= 0) calls.close(icmp);
            calls.close();
            throw new UncheckedIOException("cannot reserve a source port", e);
        }
        this.sourcePort = reservation.getLocalPort();
        this.io = sockets.batch(BATCH);
        this.sendSlots = new ByteBuffer[BATCH];
        this.receiveSlots = new ByteBuffer[BATCH];
        this.queued = new Probe[BATCH];
        for (int k = 0; k < BATCH; k++) {
            sendSlots[k] = io.sendSlot(k);
            receiveSlots[k] = io.received(k);
        }
        // Best effort: without the filter the replies are still matched here, one read each more.
        io.onlyToPort(raw, sourcePort);
        if (calls.watch(raw, EPOLLIN) < 0) throw new IllegalStateException("epoll_ctl failed on the raw socket");
        if (icmp >= 0 && calls.watch(icmp, EPOLLIN) < 0) throw new IllegalStateException("epoll_ctl failed on the ICMP socket");
    }

    /** Whether this process may open a raw socket (root or CAP_NET_RAW) through the native calls. */
    static boolean available(LinuxSockets sockets) {
        try (LinuxSockets.Session s = sockets.session(1)) {
            int fd = s.rawTcpSocket();
            if (fd < 0) return false;
            s.close(fd);
            return true;
        }
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    @Override
    public void run() {
        try {
            loop();
        } finally {
            for (int fd : confirming.keySet()) calls.close(fd);
            confirming.clear();
            calls.close(raw);
            if (icmp >= 0) calls.close(icmp);
            calls.close();
            try {
                reservation.close();
            } catch (IOException ignored) {
                // nothing was ever sent through it
            }
        }
    }

    private void loop() {
        while (!cancelled) {
            long now = System.nanoTime();
            int launched = 0;
            int taken;
            while (launched < LAUNCH_BATCH && (taken = scheduler.next(now, batch)) > 0) {
                for (int i = 0; i < taken; i++) {
                    Probe p = batch[i];
                    batch[i] = null;
                    queue(p, now);
                }
                launched += taken;
                now = System.nanoTime();
                if (launched % 256 == 0) drain(raw, now);   // keep the receive buffer from overflowing
            }
            flush(now);
            if (waiting.isEmpty() && confirming.isEmpty() && scheduler.finished()) return;
            int waitMillis = scheduler.pollMillis(launched >= LAUNCH_BATCH, lastSweep + SWEEP_EVERY_NANOS, MAX_IDLE_NANOS, now);
            int ready = calls.poll(waitMillis);
            if (ready < 0 && ready != -EINTR) throw new IllegalStateException("epoll_wait failed: errno " + -ready);
            now = System.nanoTime();
            boolean rawReady = false;
            for (int i = 0; i < ready; i++) {
                int fd = calls.eventFd(i);
                if (fd == raw) {
                    rawReady = true;
                    continue;
                }
                if (fd == icmp) {
                    drain(icmp, now);
                    continue;
                }
                Probe p = confirming.get(fd);
                if (p == null) continue;
                if (p.phase == Probe.Phase.CONNECTING) connectAnswer(p, calls.connect(fd, p.host.target.address(), p.port()), now);
                else watchRead(p, now);
            }
            if (rawReady || launched > 0) drain(raw, now);
            if (now - lastSweep >= SWEEP_EVERY_NANOS) sweep(now);
        }
    }

    // ---- the SYN stage ----

    /** Writes the attempt's SYN into the next send slot; a full set of slots goes out in one call. */
    private void queue(Probe p, long now) {
        byte[] dst = p.host.address;
        byte[] src = sourceFor.computeIfAbsent(p.host.target.address(), SynLane::sourceAddress);
        int k = queuedCount;
        writeSyn(sendSlots[k], src, dst, sourcePort, p.port(), sequence(p.host.ipv4, p.port()));
        io.address(k, dst, 20);
        p.sentAtNanos = now;
        queued[queuedCount++] = p;
        if (queuedCount == BATCH) flush(now);
    }

    private void flush(long now) {
        if (queuedCount == 0) return;
        int n = queuedCount;
        int r = io.send(raw, 0, n);
        // sendmmsg reports an error only for the first datagram; the ones after it were not tried.
        boolean full = r == -ENOBUFS || r == -EAGAIN;
        int went = Math.max(0, r);
        for (int k = 0; k < n; k++) {
            Probe p = queued[k];
            queued[k] = null;
            if (k < went) {
                p.fd = -2;   // marks "SYN in flight"; -1 once answered or given up
                Probe old = waiting.put(key(p.host.ipv4, p.port()), p);
                if (old != null) old.fd = -1;   // an older attempt for the same port: this one supersedes it
                sent.add(p);
            } else if (k == 0 && r < 0 && !full) {
                // Refused locally (a firewall's EPERM, no route): no answer, as the connect lanes treat it.
                scheduler.socketClosed();
                scheduler.timedOut(p, now);
            } else {
                scheduler.socketClosed();
                scheduler.handBack(p);   // not tried, or the send queue is full: later
            }
        }
        queuedCount = 0;
        if (went < n) drain(raw, now);
    }

    /**
     * Reads what waits on the raw TCP or the ICMP socket, a batch per call, up to {@link #READ_BATCH}
     * datagrams: TCP segments go to {@link #reply}, ICMP messages to {@link #unreachable}.
     */
    private void drain(int fd, long now) {
        for (int n = 0; n < READ_BATCH; n += BATCH) {
            int got = io.receive(fd);
            if (got == -EAGAIN || got == -EINTR) return;
            if (got < 0) throw new IllegalStateException("reading the " + (fd == raw ? "raw" : "ICMP") + " socket failed: errno " + -got);
            for (int k = 0; k < got; k++) {
                if (fd == raw) reply(receiveSlots[k], io.receivedLength(k), now);
                else unreachable(receiveSlots[k], io.receivedLength(k), now);
            }
            if (refusedCount > 0) {
                scheduler.refused(refused, refusedCount, now);
                java.util.Arrays.fill(refused, 0, refusedCount, null);
                refusedCount = 0;
            }
            if (got < BATCH) return;
        }
    }

    /** One IPv4 datagram from the raw socket: ours if it goes to our source port and acknowledges our SYN. */
    private void reply(ByteBuffer b, int length, long now) {
        if (length < 20 || (b.get(0) & 0xf0) != 0x40 || b.get(9) != 6) return;
        int ihl = (b.get(0) & 0x0f) * 4;
        if (length < ihl + 20) return;
        int srcPort = u16(b, ihl);
        int dstPort = u16(b, ihl + 2);
        if (dstPort != sourcePort) return;   // our own SYNs on loopback, and everybody else's traffic
        int from = b.getInt(12);   // the slots are big-endian, as the packet
        int flags = b.get(ihl + 13) & 0xff;
        if ((flags & TCP_ACK) == 0) return;
        int ack = b.getInt(ihl + 8);
        if (ack != sequence(from, srcPort) + 1) return;   // not an answer to a SYN of ours
        Probe p = waiting.remove(key(from, srcPort));
        if (p == null || p.fd != -2) return;   // late duplicate
        p.fd = -1;
        // Karn's rule: every attempt at a port carries the same source port and sequence number, so
        // an answer to a retransmitted SYN may be the late answer to an earlier one; its round trip
        // is not measured (a too-short sample would shrink the timeouts below the path's delay).
        boolean sample = p.attempt == 1;
        if ((flags & TCP_RST) != 0) {
            refused[refusedCount++] = p;   // at the end of the batch: frees the slot, feeds timing, decides closed
        } else if ((flags & TCP_SYN) != 0) {
            scheduler.answered(p, now, sample);
            scheduler.watching(p);
            confirm(p, now);
        } else {
            scheduler.socketClosed();
            scheduler.timedOut(p, now);   // an odd answer: ask again
        }
    }

    /**
     * An ICMP destination unreachable that quotes one of our SYNs (its header and first 8 bytes:
     * ports and sequence number). Verdicts as the kernel gives them to a connect: port unreachable
     * is a refusal, the others are filtered with the host or network as the reason.
     */
    private void unreachable(ByteBuffer b, int length, long now) {
        if (length < 20 || (b.get(0) & 0xf0) != 0x40) return;
        int ihl = (b.get(0) & 0x0f) * 4;
        if (length < ihl + 8 + 20 + 8 || b.get(ihl) != 3) return;   // type 3: destination unreachable
        int code = b.get(ihl + 1) & 0xff;
        int inner = ihl + 8;
        if ((b.get(inner) & 0xf0) != 0x40 || b.get(inner + 9) != 6) return;
        int innerIhl = (b.get(inner) & 0x0f) * 4;
        int tcp = inner + innerIhl;
        if (length < tcp + 8 || u16(b, tcp) != sourcePort) return;
        int to = b.getInt(inner + 16);
        int port = u16(b, tcp + 2);
        if (b.getInt(tcp + 4) != sequence(to, port)) return;   // not a SYN of ours
        Probe p = waiting.get(key(to, port));
        if (p == null || p.fd != -2) return;
        Reason reason = switch (code) {
            case 3 -> Reason.CONN_REFUSED;            // port unreachable
            case 0, 6, 9, 11 -> Reason.NET_UNREACH;    // network unreachable, unknown, prohibited, for TOS
            case 1, 10, 12, 13, 14, 15 -> Reason.HOST_UNREACH;   // host unreachable or prohibited, filtered
            default -> null;                           // protocol unreachable, fragmentation: not about the port
        };
        if (reason == null) return;
        waiting.remove(key(to, port));
        p.fd = -1;
        if (reason == Reason.CONN_REFUSED) {
            refused[refusedCount++] = p;   // as a reset
            return;
        }
        scheduler.answered(p, now, false);
        scheduler.socketClosed();
        scheduler.decide(p, PortState.FILTERED, reason, now);
    }

    // ---- the confirming connect (same verdicts as NativeConnectLane) ----

    private void confirm(Probe p, long now) {
        int fd = calls.socket(false);
        if (fd < 0) {
            settle(p, PortState.OPEN, Reason.SYN_ACK, now);   // no descriptor to look closer: the SYN-ACK stands
            return;
        }
        p.fd = fd;
        p.phase = Probe.Phase.CONNECTING;
        p.watchUntilNanos = now + scheduler.attemptTimeoutNanos(p.host, 1);
        confirming.put(fd, p);
        int r = calls.connect(fd, p.host.target.address(), p.port());
        if (r == -EINPROGRESS) r = calls.connect(fd, p.host.target.address(), p.port());
        if (r == -EALREADY || r == -EINPROGRESS) {
            if (calls.watch(fd, EPOLLOUT) < 0) throw new IllegalStateException("epoll_ctl failed");
            p.leftWindow = true;   // kept out of the windows: the scheduler already counted its answer
        } else {
            p.leftWindow = true;
            connectAnswer(p, r, now);
        }
    }

    private void connectAnswer(Probe p, int r, long now) {
        if (r == 0 || r == -EISCONN) {
            calls.lingerZero(p.fd);
            p.phase = Probe.Phase.WATCHING;
            p.watchUntilNanos = now + scheduler.watchNanos(p.host);
            int m = EPOLLIN | EPOLLRDHUP;
            if (calls.rewatch(p.fd, m) < 0 && calls.watch(p.fd, m) < 0) throw new IllegalStateException("epoll_ctl failed");
        } else if (r == -EALREADY || r == -EINPROGRESS) {
            return;
        } else if (r == -ECONNREFUSED) {
            settle(p, PortState.CLOSED, Reason.CONN_REFUSED, now);   // the listener left between SYN and connect
        } else if (r == -ECONNRESET) {
            settle(p, PortState.OPEN_RESTRICTED, Reason.RESET_AT_ONCE, now);
        } else {
            settle(p, PortState.OPEN, Reason.SYN_ACK, now);
        }
    }

    private void watchRead(Probe p, long now) {
        WatchVerdict v = WatchVerdict.afterRead(calls.recv(p.fd));
        if (v != null) settle(p, v.state(), v.reason(), now);
    }

    private void settle(Probe p, PortState state, Reason reason, long now) {
        if (p.fd >= 0) {
            confirming.remove(p.fd);
            calls.close(p.fd);
            p.fd = -1;
        }
        scheduler.socketClosed();
        scheduler.decide(p, state, reason, now);
    }

    // ---- timeouts ----

    private void sweep(long now) {
        lastSweep = now;
        int keep = 0;
        for (int i = 0; i < sent.size(); i++) {
            Probe p = sent.get(i);
            if (p.fd != -2) continue;   // answered, superseded or confirming
            if (scheduler.due(p, now) == Scheduler.Due.TIMED_OUT) {
                p.fd = -1;
                waiting.remove(key(p.host.ipv4, p.port()), p);
                scheduler.socketClosed();
                scheduler.timedOut(p, now);
            } else {
                sent.set(keep++, p);
            }
        }
        sent.subList(keep, sent.size()).clear();
        if (confirming.isEmpty()) return;
        List<Probe> due = new ArrayList<>();
        // A confirming connect that is still connecting at the end of its watch is slow, not closed: open too.
        for (Probe p : confirming.values()) if (now >= p.watchUntilNanos) due.add(p);
        for (Probe p : due) settle(p, PortState.OPEN, Reason.SYN_ACK, now);   // connected and quiet, or slow: open
    }

    // ---- packets ----

    /** The sequence number of every SYN to an IPv4 address (big-endian int) and port: a keyed hash of both. */
    private int sequence(int address, int port) {
        int h = secret;
        for (int shift = 24; shift >= 0; shift -= 8) h = h * 0x01000193 ^ ((address >>> shift) & 0xff);
        h = (h ^ port) * 0x9e3779b1;
        return h ^ (h >>> 15);
    }

    private static long key(int address, int port) {
        return ((address & 0xffffffffL) << 16) | port;
    }

    private static int u16(ByteBuffer b, int at) {
        return ((b.get(at) & 0xff) << 8) | (b.get(at + 1) & 0xff);
    }

    /** A 20-byte TCP SYN (no options) with its checksum over the IPv4 pseudo-header. */
    static void writeSyn(ByteBuffer b, byte[] src, byte[] dst, int srcPort, int dstPort, int seq) {
        b.put(0, (byte) (srcPort >>> 8)).put(1, (byte) srcPort);
        b.put(2, (byte) (dstPort >>> 8)).put(3, (byte) dstPort);
        b.put(4, (byte) (seq >>> 24)).put(5, (byte) (seq >>> 16)).put(6, (byte) (seq >>> 8)).put(7, (byte) seq);
        for (int k = 8; k < 12; k++) b.put(k, (byte) 0);          // acknowledgment number
        b.put(12, (byte) 0x50).put(13, (byte) TCP_SYN);            // data offset 5 words, SYN
        b.put(14, (byte) 0x04).put(15, (byte) 0x00);                // window 1024
        b.put(16, (byte) 0).put(17, (byte) 0);                      // checksum, filled below
        b.put(18, (byte) 0).put(19, (byte) 0);                      // urgent pointer
        int sum = checksum(b, src, dst, 20);
        b.put(16, (byte) (sum >>> 8)).put(17, (byte) sum);
    }

    /** The internet checksum of a TCP segment of {@code length} bytes at offset 0, with the IPv4 pseudo-header. */
    static int checksum(ByteBuffer b, byte[] src, byte[] dst, int length) {
        long sum = 0;
        sum += ((src[0] & 0xff) << 8 | (src[1] & 0xff)) + ((src[2] & 0xff) << 8 | (src[3] & 0xff));
        sum += ((dst[0] & 0xff) << 8 | (dst[1] & 0xff)) + ((dst[2] & 0xff) << 8 | (dst[3] & 0xff));
        sum += 6 + length;                                          // zero, protocol, TCP length
        for (int k = 0; k + 1 < length; k += 2) sum += u16(b, k);
        if ((length & 1) != 0) sum += (b.get(length - 1) & 0xff) << 8;
        while ((sum >>> 16) != 0) sum = (sum & 0xffff) + (sum >>> 16);
        return (int) (~sum & 0xffff);
    }

    /** The source address the kernel picks for a target (a connected UDP socket sends nothing). */
    private static byte[] sourceAddress(InetAddress target) {
        if (!(target instanceof Inet4Address)) throw new IllegalStateException("the SYN prototype is IPv4 only: " + target);
        try (DatagramSocket s = new DatagramSocket()) {
            s.connect(target, 9);
            return s.getLocalAddress().getAddress();
        } catch (IOException e) {
            throw new UncheckedIOException("no route to " + target.getHostAddress(), e);
        }
    }
}
