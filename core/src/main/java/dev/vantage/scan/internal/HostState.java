package dev.vantage.scan.internal;

import dev.vantage.scan.PortResult;
import dev.vantage.scan.PortState;
import dev.vantage.scan.StateCounts;
import dev.vantage.target.PortList;
import dev.vantage.target.Target;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the scheduler knows about one address while it is being scanned: timing, window, which
 * ports are decided (one byte per port, so memory is bounded by the active hosts, not the scan)
 * and the attempts waiting to be retransmitted. Guarded by the {@link Scheduler}'s lock, except
 * {@link #timeoutNanos} and {@link #watchNanos}, which lanes read without it.
 */
final class HostState {
    final Target target;
    final PortList ports;
    final RttEstimator rtt;
    final CongestionWindow window;
    final ArrayDeque<Probe> retries = new ArrayDeque<>();
    final List<PortResult> reachable = new ArrayList<>();
    final long startedNanos;
    /** Per port: 0 undecided, {@link #WATCHED} answered and watched, else the state's ordinal + 1. */
    private final byte[] decided;
    private static final byte WATCHED = -1;
    /** Undecided ports whose connection is being watched (their verdict comes within the watch). */
    private int watched;
    /** Whether the listener heard that only watched ports remain. */
    boolean settlingTold;
    private final int stride;
    private int cursor;
    private int nextOrdinal;
    int remaining;
    int inFlight;
    /** Ports decided per state, by {@link PortState#ordinal}: counted in place, once per port. */
    private final int[] counts = new int[PortState.values().length];
    /** The address's bytes, once (InetAddress hands out a fresh copy per call). */
    final byte[] address;
    /** An IPv4 address as a big-endian int (how it sits in a packet), or 0 for IPv6. */
    final int ipv4;

    /** Current connect timeout for this host, or -1 while it has no RTT sample. */
    volatile long timeoutNanos = -1;
    /** How long to watch a fresh connection for an at-once close, or -1 while unknown. */
    volatile long watchNanos = -1;

    HostState(Target target, PortList ports, RttEstimator rtt, CongestionWindow window, long seed, long now) {
        this.target = target;
        this.ports = ports;
        this.rtt = rtt;
        this.window = window;
        this.startedNanos = now;
        int n = ports.size();
        this.decided = new byte[n];
        this.remaining = n;
        // Visit ports in a pseudo-random order (a full-cycle stride), without storing a permutation.
        SplittableRandom random = new SplittableRandom(seed);
        int s = n <= 2 ? 1 : 1 + random.nextInt(n - 1);
        while (gcd(s, n) != 1) s = s % (n - 1) + 1;
        this.stride = s;
        this.cursor = n == 0 ? 0 : random.nextInt(n);
        this.address = target.address().getAddress();
        this.ipv4 = address.length == 4 ? java.nio.ByteBuffer.wrap(address).getInt() : 0;
    }

    boolean hasUnsent() {
        return nextOrdinal < decided.length;
    }

    int takeNextPortIndex() {
        int index = cursor;
        // Both below 65 536: the sum fits an int, and one subtraction wraps it.
        cursor += stride;
        if (cursor >= decided.length) cursor -= decided.length;
        nextOrdinal++;
        return index;
    }

    boolean isDecided(int portIndex) {
        return decided[portIndex] > 0;
    }

    /** Marks an undecided port as watched (its verdict is near); false if it already was, or is decided. */
    boolean watch(int portIndex) {
        if (decided[portIndex] != 0) return false;
        decided[portIndex] = WATCHED;
        watched++;
        return true;
    }

    /** Every undecided port is being watched (and there is at least one). */
    boolean onlyWatchedRemain() {
        return remaining > 0 && remaining == watched;
    }

    /** Marks a port decided; returns false if it already was (a late duplicate answer). */
    boolean decide(int portIndex, PortState state) {
        if (decided[portIndex] > 0) return false;
        if (decided[portIndex] == WATCHED) watched--;
        decided[portIndex] = (byte) (state.ordinal() + 1);
        remaining--;
        counts[state.ordinal()]++;
        return true;
    }

    StateCounts counts() {
        return StateCounts.of(counts);
    }

    /** Ports in a given state, ascending. */
    int[] portsIn(PortState state) {
        byte mark = (byte) (state.ordinal() + 1);
        int count = counts[state.ordinal()];
        int[] out = new int[count];
        int k = 0;
        for (int i = 0; i < decided.length && k < count; i++) if (decided[i] == mark) out[k++] = ports.get(i);
        return out;
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
