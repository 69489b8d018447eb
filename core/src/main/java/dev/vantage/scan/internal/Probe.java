package dev.vantage.scan.internal;

import java.nio.channels.SocketChannel;

/**
 * One connection attempt to one port. Created by the {@link Scheduler}, then owned by exactly one
 * lane until it is decided, retried or handed back.
 */
final class Probe {
    enum Phase { CONNECTING, WATCHING }

    final HostState host;
    final int portIndex;
    final int attempt;
    long sentAtNanos;
    long rttNanos = -1;
    long watchUntilNanos;
    Phase phase = Phase.CONNECTING;
    /** Unanswered for one RTO: presumed lost, no longer counted in the congestion windows. */
    boolean leftWindow;
    SocketChannel channel;
    /** The descriptor carrying the attempt in a {@link NativeConnectLane}, or -1. */
    int fd = -1;

    Probe(HostState host, int portIndex, int attempt) {
        this.host = host;
        this.portIndex = portIndex;
        this.attempt = attempt;
    }

    int port() {
        return host.ports.get(portIndex);
    }
}
