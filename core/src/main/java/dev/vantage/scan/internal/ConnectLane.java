package dev.vantage.scan.internal;

import dev.vantage.scan.PortState;
import dev.vantage.scan.Reason;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One selector thread running non-blocking connects. It asks the {@link Scheduler} for attempts,
 * starts them, and settles each one: an immediate answer (common on loopback, where the kernel
 * answers inside {@code connect}), a later answer through the selector, or a timeout found by a
 * sweep. A connection that succeeds is watched briefly: a peer that closes or resets it at once
 * without sending anything is an access rule refusing us (open-restricted).
 *
 * <p>All state here belongs to this lane's thread; only the scheduler is shared.
 */
final class ConnectLane implements Lane {
    private static final int LAUNCH_BATCH = 256;
    private static final long SWEEP_EVERY_NANOS = 2_000_000;
    private static final long MAX_IDLE_NANOS = 5_000_000;

    private final Scheduler scheduler;
    private final Selector selector;
    private final List<Probe> pending = new ArrayList<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(512);
    private volatile boolean cancelled;
    private long lastSweep;

    ConnectLane(Scheduler scheduler) throws IOException {
        this.scheduler = scheduler;
        this.selector = Selector.open();
    }

    @Override
    public void cancel() {
        cancelled = true;
        selector.wakeup();
    }

    @Override
    public void run() {
        try {
            loop();
        } finally {
            for (Probe p : pending) closeQuietly(p);
            pending.clear();
            try {
                selector.close();
            } catch (IOException ignored) {
                // nothing useful to do at the end of a scan
            }
        }
    }

    private void loop() {
        while (!cancelled) {
            long now = System.nanoTime();
            int launched = 0;
            Probe p;
            while (launched < LAUNCH_BATCH && (p = scheduler.next(now)) != null) {
                launch(p, now);
                launched++;
                if ((launched & 31) == 0) now = System.nanoTime();
            }
            if (pending.isEmpty() && scheduler.finished()) return;
            try {
                int waitMillis = scheduler.pollMillis(launched == LAUNCH_BATCH, nextDeadline(now), MAX_IDLE_NANOS, now);
                if (waitMillis == 0) selector.selectNow(); else selector.select(waitMillis);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("selector failed", e);
            }
            now = System.nanoTime();
            for (Iterator<SelectionKey> it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                SelectionKey key = it.next();
                it.remove();
                Probe probe = (Probe) key.attachment();
                if (!key.isValid()) continue;
                if (probe.phase == Probe.Phase.CONNECTING) finishConnect(probe, now, false);
                else watchRead(probe, now);
            }
            if (now - lastSweep >= SWEEP_EVERY_NANOS) sweep(now);
        }
    }

    private void launch(Probe p, long now) {
        SocketChannel ch;
        try {
            ch = SocketChannel.open(p.host.target.isIpv6() ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
            ch.configureBlocking(false);
        } catch (IOException e) {
            scheduler.socketClosed();
            scheduler.handBack(p);   // out of descriptors: the scheduler lowers its socket budget
            return;
        }
        p.channel = ch;
        try {
            if (ch.connect(new InetSocketAddress(p.host.target.address(), p.port()))) {
                connected(p, now);
                return;
            }
        } catch (IOException e) {
            failed(p, e, now);
            return;
        }
        // On loopback the answer is usually already there: settle it without the selector.
        finishConnect(p, now, true);
    }

    private void finishConnect(Probe p, long now, boolean firstTry) {
        try {
            if (p.channel.finishConnect()) {
                connected(p, now);
            } else if (firstTry) {
                p.channel.register(selector, SelectionKey.OP_CONNECT, p);
                pending.add(p);
            }
        } catch (IOException e) {
            failed(p, e, now);
        }
    }

    private void connected(Probe p, long now) {
        SocketChannel ch = p.channel;
        try {
            InetSocketAddress local = (InetSocketAddress) ch.getLocalAddress();
            if (local != null && local.getPort() == p.port() && local.getAddress().equals(p.host.target.address())) {
                // Connected to our own ephemeral port: nothing listens there. Try again from another port.
                close(p);
                scheduler.redo(p);
                return;
            }
            ch.setOption(StandardSocketOptions.SO_LINGER, 0);  // end with RST: no TIME_WAIT pile-up
            scheduler.answered(p, now, true);
            scheduler.watching(p);
            p.phase = Probe.Phase.WATCHING;
            p.watchUntilNanos = now + scheduler.watchNanos(p.host);
            SelectionKey key = ch.keyFor(selector);
            if (key == null) {
                ch.register(selector, SelectionKey.OP_READ, p);
                pending.add(p);
            } else {
                key.interestOps(SelectionKey.OP_READ);
            }
        } catch (IOException e) {
            // The peer went away between handshake and our first look: that is an at-once close.
            settle(p, PortState.OPEN_RESTRICTED, Reason.RESET_AT_ONCE, now);
        }
    }

    private void watchRead(Probe p, long now) {
        readBuffer.clear();
        int n;
        try {
            n = p.channel.read(readBuffer);
        } catch (IOException e) {
            settle(p, PortState.OPEN_RESTRICTED, Reason.RESET_AT_ONCE, now);
            return;
        }
        if (n < 0) settle(p, PortState.OPEN_RESTRICTED, Reason.CLOSED_AT_ONCE, now);
        else if (n > 0) settle(p, PortState.OPEN, Reason.SYN_ACK, now);   // it greets us: a live service
    }

    private void failed(Probe p, IOException e, long now) {
        String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (e instanceof ConnectException && message.contains("refused")) {
            scheduler.answered(p, now, true);
            settle(p, PortState.CLOSED, Reason.CONN_REFUSED, now);
        } else if (e instanceof NoRouteToHostException || message.contains("no route")) {
            scheduler.answered(p, now, false);
            settle(p, PortState.FILTERED, Reason.HOST_UNREACH, now);
        } else if (message.contains("network is unreachable")) {
            scheduler.answered(p, now, false);
            settle(p, PortState.FILTERED, Reason.NET_UNREACH, now);
        } else if (message.contains("reset")) {
            scheduler.answered(p, now, true);
            settle(p, PortState.OPEN_RESTRICTED, Reason.RESET_AT_ONCE, now);
        } else if (message.contains("too many open files") || message.contains("cannot assign requested address")) {
            close(p);
            scheduler.handBack(p);
        } else {
            // Anything else (a local firewall's EPERM, a timeout inside the kernel) is no answer.
            close(p);
            scheduler.timedOut(p, now);
        }
    }

    /** Closes the attempt and records its port's verdict. */
    private void settle(Probe p, PortState state, Reason reason, long now) {
        close(p);
        scheduler.decide(p, state, reason, now);
    }

    private void sweep(long now) {
        lastSweep = now;
        for (int i = pending.size() - 1; i >= 0; i--) {
            Probe p = pending.get(i);
            if (p.channel == null) {             // settled since the last sweep
                removeAt(i);
                continue;
            }
            switch (scheduler.due(p, now)) {
                case TIMED_OUT -> {
                    close(p);
                    removeAt(i);
                    scheduler.timedOut(p, now);
                }
                case WATCH_OVER -> {
                    removeAt(i);
                    settle(p, PortState.OPEN, Reason.SYN_ACK, now);   // still there and quiet: a service waiting for us
                }
                case WAIT -> { }
            }
        }
    }

    private long nextDeadline(long now) {
        return pending.isEmpty() ? now + MAX_IDLE_NANOS : lastSweep + SWEEP_EVERY_NANOS;
    }

    private void removeAt(int i) {
        int last = pending.size() - 1;
        pending.set(i, pending.get(last));
        pending.remove(last);
    }

    private void close(Probe p) {
        if (p.channel == null) return;
        closeQuietly(p);
        p.channel = null;
        scheduler.socketClosed();
    }

    private static void closeQuietly(Probe p) {
        try {
            if (p.channel != null) p.channel.close();
        } catch (IOException ignored) {
            // closing a socket we are done with cannot fail in a way that matters
        }
    }
}
