package dev.vantage.scan.internal;

import dev.vantage.scan.HostResult;
import dev.vantage.scan.PortResult;
import dev.vantage.scan.PortState;
import dev.vantage.scan.Protocol;
import dev.vantage.scan.Reason;
import dev.vantage.scan.ScanConfig;
import dev.vantage.scan.ScanListener;
import dev.vantage.scan.ScanSummary;
import dev.vantage.scan.StateCounts;
import dev.vantage.target.PortList;
import dev.vantage.target.PortRanges;
import dev.vantage.target.Target;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decides what to send next and records what came back. One instance per scan, shared by all
 * lanes; every method is synchronised on it (the critical sections are a few field updates, far
 * cheaper than the connect system call each attempt costs). Listener calls happen under the same
 * lock, which is what serialises them.
 *
 * <p>Admission: a global socket budget and optional rate cap, then hosts in round-robin, each
 * limited by its congestion window. Hosts are scanned in a sliding window of active hosts so that
 * memory follows the window, not the number of targets.
 */
public final class Scheduler {
    private static final int INITIAL_WINDOW = 32;
    private static final int INITIAL_GLOBAL_WINDOW = 512;
    private static final long MEMORY_BUDGET_PORT_SLOTS = 4_000_000;

    private final List<Target> targets;
    private final PortList ports;
    private final ScanConfig config;
    private final ScanListener listener;
    private final RateLimiter rate;
    private final RttEstimator global;
    /** Scan-wide window over all hosts, so hundreds of fresh hosts do not start with a burst of their sum. */
    private final CongestionWindow globalWindow;
    private int inFlight;
    private final List<HostState> active = new ArrayList<>();
    private final int hostWindow;
    private final long seed;
    private final long startedNanos;
    private int nextTarget;
    private int roundRobin;
    private int hostsDone;
    private int sockets;
    private int maxSockets;
    private long attempts;
    private long retransmissions;
    /** Ports decided per state over the scan, by {@link PortState#ordinal}. */
    private final int[] totals = new int[PortState.values().length];
    private volatile long globalTimeoutNanos;
    private volatile boolean finished;

    public Scheduler(List<Target> targets, PortList ports, ScanConfig config, ScanListener listener, long seed, long now) {
        this.targets = targets;
        this.ports = ports;
        this.config = config;
        this.listener = listener;
        this.seed = seed;
        this.startedNanos = now;
        this.rate = new RateLimiter(config.rate(), now);
        this.global = newEstimator();
        this.globalWindow = new CongestionWindow(Math.min(INITIAL_GLOBAL_WINDOW, config.maxInFlight()), config.maxInFlight());
        this.globalTimeoutNanos = global.timeoutNanos();
        this.maxSockets = config.maxInFlight();
        this.hostWindow = (int) Math.clamp(MEMORY_BUDGET_PORT_SLOTS / Math.max(1, ports.size()), 1, 4096);
        synchronized (this) {
            fillWindow(now);
            finished = active.isEmpty();
        }
    }

    private RttEstimator newEstimator() {
        return new RttEstimator(config.initialTimeout().toNanos(), config.minTimeout().toNanos(), config.maxTimeout().toNanos());
    }

    public boolean finished() {
        return finished;
    }

    /** The timeout for an attempt to this host, read by lanes without the lock. */
    long timeoutNanos(HostState host) {
        long t = host.timeoutNanos;
        return t >= 0 ? t : globalTimeoutNanos;
    }

    /**
     * The timeout of one attempt: the host's RTO, doubled for each retransmission as TCP backs off,
     * so a path whose delay has grown (a queue filling up) still gets its answer in.
     */
    /** What a lane's sweep does with an attempt it still holds. */
    enum Due { WAIT, TIMED_OUT, WATCH_OVER }

    /**
     * The sweep's decision for one attempt, the same in every lane: a connecting attempt that has
     * waited one timeout leaves the congestion window (presumed lost), and after its attempt's
     * timeout is given up; a watched connection that stayed quiet to the end of its watch is open.
     */
    Due due(Probe p, long now) {
        if (p.phase == Probe.Phase.WATCHING) return now >= p.watchUntilNanos ? Due.WATCH_OVER : Due.WAIT;
        long waited = now - p.sentAtNanos;
        if (!p.leftWindow && waited >= timeoutNanos(p.host)) leaveWindow(p);
        return waited >= attemptTimeoutNanos(p.host, p.attempt) ? Due.TIMED_OUT : Due.WAIT;
    }

    long attemptTimeoutNanos(HostState host, int attempt) {
        long base = timeoutNanos(host);
        return Math.min(base << Math.min(attempt - 1, 6), Math.max(base, 2 * config.maxTimeout().toNanos()));
    }

    /** How long a lane watches a fresh connection for an at-once close. */
    long watchNanos(HostState host) {
        long w = host.watchNanos;
        return w >= 0 ? w : config.restrictedWait().toNanos() + globalTimeoutNanos;
    }

    /**
     * How long a lane may block waiting for answers, in milliseconds (0: just look): not at all
     * when it stopped launching only because its batch was full, else until its next sweep is
     * due (at most {@code maxIdleNanos}), or longer when the rate cap allows nothing before then.
     */
    int pollMillis(boolean batchFull, long nextSweepNanos, long maxIdleNanos, long now) {
        if (batchFull) return 0;
        long waitNanos = Math.max(Math.min(maxIdleNanos, nextSweepNanos - now), rateWaitNanos(now));
        return waitNanos <= 0 ? 0 : (int) Math.max(1, Math.min(Integer.MAX_VALUE, waitNanos / 1_000_000));
    }

    /** Nanoseconds until the rate cap allows the next attempt (0 when it allows one now). */
    synchronized long rateWaitNanos(long now) {
        return rate.waitNanos(now);
    }

    /**
     * Up to {@code into.length} attempts to send, taken under one hold of the lock (two lanes
     * asking for one attempt each, per port, spend more on handing the lock over than on the
     * work); returns how many. The caller owns a socket slot for each.
     */
    synchronized int next(long now, Probe[] into) {
        int n = 0;
        Probe p;
        while (n < into.length && (p = next(now)) != null) into[n++] = p;
        return n;
    }

    /**
     * A refused attempt, in one hold of the lock: its socket slot is free again, the answer feeds
     * timing and the window, and the port is closed.
     */
    synchronized void refused(Probe p, long now) {
        refused(p, now, true);
    }

    /** As {@link #refused(Probe, long)}; {@code sampleRtt} false when the answer may belong to an earlier attempt. */
    synchronized void refused(Probe p, long now, boolean sampleRtt) {
        sockets--;
        answered(p, now, sampleRtt);
        decide(p, PortState.CLOSED, Reason.CONN_REFUSED, now);
    }

    /**
     * A batch of refused attempts ({@code ps[0..n)}), in one hold of the lock, each as
     * {@link #refused(Probe, long, boolean)} with a round-trip sample only from a first attempt
     * (Karn's rule: an answer to a retransmission may belong to the earlier attempt).
     */
    synchronized void refused(Probe[] ps, int n, long now) {
        for (int i = 0; i < n; i++) refused(ps[i], now, ps[i].attempt == 1);
    }

    /** The next attempt to send, or null if nothing may be sent now. The caller then owns a socket slot. */
    synchronized Probe next(long now) {
        if (finished || sockets >= maxSockets || inFlight >= globalWindow.allowed() || rate.waitNanos(now) > 0) return null;
        int n = active.size();
        for (int i = 0; i < n; i++) {
            HostState h = active.get((roundRobin + i) % n);
            if (h.inFlight >= Math.min(h.window.allowed(), config.hostParallelism())) continue;
            Probe p = h.retries.poll();
            if (p == null && h.hasUnsent()) p = new Probe(h, h.takeNextPortIndex(), 1);
            if (p == null) continue;
            roundRobin = (roundRobin + i + 1) % n;
            rate.tryAcquire(now);
            h.inFlight++;
            inFlight++;
            sockets++;
            attempts++;
            if (p.attempt > 1) retransmissions++;
            p.sentAtNanos = now;
            return p;
        }
        return null;
    }

    /** The socket of an attempt was closed. */
    synchronized void socketClosed() {
        sockets--;
    }

    /** The local system could not open a socket (descriptor or port exhaustion): send it again later. */
    synchronized void handBack(Probe p) {
        if (!p.leftWindow) {
            p.host.inFlight--;
            inFlight--;
        }
        attempts--;
        p.host.retries.addFirst(new Probe(p.host, p.portIndex, p.attempt));
        maxSockets = Math.max(16, Math.min(maxSockets, sockets - 8));
    }

    /** The attempt connected to ourselves (the kernel's simultaneous open on a loopback port): redo it. */
    synchronized void redo(Probe p) {
        if (!p.leftWindow) {
            p.host.inFlight--;
            inFlight--;
        }
        p.host.retries.addFirst(new Probe(p.host, p.portIndex, p.attempt));
    }

    /** Something answered (SYN-ACK, RST or ICMP): feed timing and the window. */
    synchronized void answered(Probe p, long now, boolean sampleRtt) {
        HostState h = p.host;
        if (!p.leftWindow) {
            h.inFlight--;
            inFlight--;
        }
        if (sampleRtt) {
            long rtt = now - p.sentAtNanos;
            p.rttNanos = rtt;
            h.rtt.sample(rtt);
            global.sample(rtt);
            h.timeoutNanos = h.rtt.timeoutNanos();
            h.watchNanos = h.rtt.srttNanos() + 4 * h.rtt.rttvarNanos() + config.restrictedWait().toNanos();
            globalTimeoutNanos = global.timeoutNanos();
        }
        if (p.leftWindow) return;   // already counted out of the windows after its first timeout
        h.window.onAnswer(now, Math.max(0, h.rtt.srttNanos()), p.attempt > 1);
        globalWindow.onAnswer(now, Math.max(0, global.srttNanos()), p.attempt > 1);
    }

    /**
     * An attempt unanswered for one RTO is presumed lost (dropped by a firewall, or by the path):
     * like a TCP segment after its retransmission timeout, it no longer counts as in flight,
     * although we keep listening for a late answer while its backed-off timeout runs. A drop by a
     * firewall is not congestion, so a first attempt's silence still grows the windows; loss
     * shows up as answers to retransmissions (see {@link #answered}).
     */
    synchronized void leaveWindow(Probe p) {
        if (p.leftWindow) return;
        p.leftWindow = true;
        p.host.inFlight--;
        inFlight--;
        if (p.attempt == 1) {
            p.host.window.onAnswer();
            globalWindow.onAnswer();
        }
    }

    /** Nothing came back in time: retransmit, or call the port filtered after the last retry. */
    synchronized void timedOut(Probe p, long now) {
        HostState h = p.host;
        leaveWindow(p);
        if (h.isDecided(p.portIndex)) return;
        if (p.attempt <= config.maxRetries()) {
            h.retries.add(new Probe(h, p.portIndex, p.attempt + 1));
        } else {
            decide(p, PortState.FILTERED, Reason.NO_RESPONSE, now);
        }
    }

    /** Records the verdict for the attempt's port and streams it. */
    synchronized void decide(Probe p, PortState state, Reason reason, long now) {
        HostState h = p.host;
        if (!h.decide(p.portIndex, state)) return;
        long rttMicros = p.rttNanos < 0 ? -1 : p.rttNanos / 1000;
        PortResult result = new PortResult(h.target, p.port(), Protocol.TCP, state, reason, rttMicros, p.attempt);
        totals[state.ordinal()]++;
        if (state.isReachable()) h.reachable.add(result);
        listener.portDone(result);
        if (h.remaining == 0) finishHost(h, now);
        else tellIfSettling(h);
    }

    /**
     * The attempt's port answered and its connection is now watched for an at-once close: its
     * verdict (open, open-restricted, rarely closed) comes within the watch.
     */
    synchronized void watching(Probe p) {
        if (p.host.watch(p.portIndex)) tellIfSettling(p.host);
    }

    /** Once per host: when only watched ports remain, the listener may use the watch's quiet time. */
    private void tellIfSettling(HostState h) {
        if (h.settlingTold || !h.onlyWatchedRemain()) return;
        h.settlingTold = true;
        listener.hostSettling(h.target);
    }

    private void finishHost(HostState h, long now) {
        active.remove(h);
        hostsDone++;
        h.reachable.sort(Comparator.comparingInt(PortResult::port));
        listener.hostDone(new HostResult(h.target, h.reachable, h.counts(),
                PortRanges.format(h.portsIn(PortState.CLOSED)), PortRanges.format(h.portsIn(PortState.FILTERED)),
                (now - h.startedNanos) / 1_000_000));
        fillWindow(now);
        if (active.isEmpty()) finished = true;
    }

    private void fillWindow(long now) {
        while (active.size() < hostWindow && nextTarget < targets.size()) {
            Target t = targets.get(nextTarget);
            active.add(new HostState(t, ports, newEstimator(),
                    new CongestionWindow(INITIAL_WINDOW, config.hostParallelism()), seed + nextTarget, now));
            nextTarget++;
            if (ports.size() == 0) finishHost(active.getLast(), now);
        }
    }

    synchronized ScanSummary summary(long now) {
        return new ScanSummary(hostsDone, StateCounts.of(totals), (now - startedNanos) / 1_000_000, attempts, retransmissions);
    }
}
