package dev.vantage.scan.internal;

import dev.vantage.scan.PortState;
import dev.vantage.scan.Reason;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.vantage.scan.internal.LinuxSockets.EADDRINUSE;
import static dev.vantage.scan.internal.LinuxSockets.EADDRNOTAVAIL;
import static dev.vantage.scan.internal.LinuxSockets.EALREADY;
import static dev.vantage.scan.internal.LinuxSockets.ECONNREFUSED;
import static dev.vantage.scan.internal.LinuxSockets.ECONNRESET;
import static dev.vantage.scan.internal.LinuxSockets.EHOSTUNREACH;
import static dev.vantage.scan.internal.LinuxSockets.EINPROGRESS;
import static dev.vantage.scan.internal.LinuxSockets.EINTR;
import static dev.vantage.scan.internal.LinuxSockets.EISCONN;
import static dev.vantage.scan.internal.LinuxSockets.EMFILE;
import static dev.vantage.scan.internal.LinuxSockets.ENETUNREACH;
import static dev.vantage.scan.internal.LinuxSockets.ENFILE;
import static dev.vantage.scan.internal.LinuxSockets.ENOBUFS;
import static dev.vantage.scan.internal.LinuxSockets.EPOLLIN;
import static dev.vantage.scan.internal.LinuxSockets.EPOLLOUT;
import static dev.vantage.scan.internal.LinuxSockets.EPOLLRDHUP;

/**
 * The same job as {@link ConnectLane}, on Linux's own calls ({@link LinuxSockets}) instead of NIO:
 * one thread, non-blocking connects, epoll for the answers that take a round trip, a sweep for
 * timeouts, and the same verdicts and scheduler calls.
 *
 * <p>What makes it cheaper: the verdict of a connect is read by calling {@code connect} again
 * (the kernel answers {@code EISCONN}, {@code ECONNREFUSED}, or {@code EALREADY} while it is
 * still waiting), and a socket whose connect was refused goes back to a small pool and carries the
 * next attempt. On loopback a closed port then costs two system calls and no allocation, where NIO
 * needs seven and an exception. Sockets that connected, timed out or were ever handed to epoll are
 * closed, never reused.
 *
 * <p>All state here belongs to this lane's thread; only the scheduler is shared.
 */
final class NativeConnectLane implements Lane {
    private static final int LAUNCH_BATCH = 256;
    private static final int MAX_EVENTS = 256;
    private static final int POOL = 64;
    private static final long SWEEP_EVERY_NANOS = 2_000_000;
    private static final long MAX_IDLE_NANOS = 5_000_000;

    private final Scheduler scheduler;
    private final LinuxSockets.Session calls;
    private final List<Probe> pending = new ArrayList<>();
    private final Probe[] batch = new Probe[32];
    /** The attempt each descriptor carries, while it is pending. */
    private Probe[] byFd = new Probe[1024];
    /** Descriptors that have been handed to epoll (never pooled: epoll would keep reporting them). */
    private boolean[] watched = new boolean[1024];
    private final int[] pool4 = new int[POOL];
    private final int[] pool6 = new int[POOL];
    private int pooled4;
    private int pooled6;
    private volatile boolean cancelled;
    private long lastSweep;

    NativeConnectLane(Scheduler scheduler, LinuxSockets sockets) {
        this.scheduler = scheduler;
        this.calls = sockets.session(MAX_EVENTS);
    }

    @Override
    public void cancel() {
        cancelled = true;   // the loop looks at most MAX_IDLE_NANOS later
    }

    @Override
    public void run() {
        try {
            loop();
        } finally {
            for (Probe p : pending) if (p.fd >= 0) calls.close(p.fd);
            pending.clear();
            for (int i = 0; i < pooled4; i++) calls.close(pool4[i]);
            for (int i = 0; i < pooled6; i++) calls.close(pool6[i]);
            pooled4 = pooled6 = 0;
            calls.close();
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
                    p.sentAtNanos = now;
                    launch(p, now);
                    if ((i & 7) == 7) now = System.nanoTime();
                }
                launched += taken;
                now = System.nanoTime();
            }
            if (pending.isEmpty() && scheduler.finished()) return;
            int waitMillis = scheduler.pollMillis(launched >= LAUNCH_BATCH, nextDeadline(now), MAX_IDLE_NANOS, now);
            int ready = pending.isEmpty() && waitMillis == 0 ? 0 : calls.poll(waitMillis);
            if (ready < 0 && ready != -EINTR) throw new IllegalStateException("epoll_wait failed: errno " + -ready);
            now = System.nanoTime();
            for (int i = 0; i < ready; i++) {
                int fd = calls.eventFd(i);
                Probe probe = fd >= 0 && fd < byFd.length ? byFd[fd] : null;
                if (probe == null || probe.fd != fd) continue;
                if (probe.phase == Probe.Phase.CONNECTING) answer(probe, calls.connect(fd, probe.host.target.address(), probe.port()), now);
                else watchRead(probe, now);
            }
            if (now - lastSweep >= SWEEP_EVERY_NANOS) sweep(now);
        }
    }

    private void launch(Probe p, long now) {
        boolean v6 = p.host.target.isIpv6();
        int fd = v6 ? (pooled6 > 0 ? pool6[--pooled6] : -1) : (pooled4 > 0 ? pool4[--pooled4] : -1);
        if (fd < 0) fd = calls.socket(v6);
        if (fd < 0) {
            scheduler.socketClosed();
            scheduler.handBack(p);   // out of descriptors: the scheduler lowers its socket budget
            return;
        }
        p.fd = fd;
        track(fd, p);
        int r = calls.connect(fd, p.host.target.address(), p.port());
        // On loopback the answer is already there when connect returns: asking again reads it.
        if (r == -EINPROGRESS) r = calls.connect(fd, p.host.target.address(), p.port());
        if (r == -EALREADY || r == -EINPROGRESS) {
            watch(p, EPOLLOUT);
            pending.add(p);
        } else {
            answer(p, r, now);
        }
    }

    /** Acts on what connect said about an attempt. */
    private void answer(Probe p, int r, long now) {
        if (r == 0 || r == -EISCONN) connected(p, now);
        else if (r == -EALREADY || r == -EINPROGRESS) return;   // still waiting (a stray wake-up)
        else failed(p, -r, now);
    }

    private void connected(Probe p, long now) {
        if (calls.isSelfConnected(p.fd, p.host.target.address(), p.port())) {
            // Connected to our own ephemeral port: nothing listens there. Try again from another port.
            release(p, false);
            scheduler.redo(p);
            return;
        }
        calls.lingerZero(p.fd);   // end with RST: no TIME_WAIT pile-up
        scheduler.answered(p, now, true);
        scheduler.watching(p);
        p.phase = Probe.Phase.WATCHING;
        p.watchUntilNanos = now + scheduler.watchNanos(p.host);
        boolean wasWatched = watched[p.fd];
        watch(p, EPOLLIN | EPOLLRDHUP);
        if (!wasWatched) pending.add(p);
    }

    private void watchRead(Probe p, long now) {
        WatchVerdict v = WatchVerdict.afterRead(calls.recv(p.fd));
        if (v != null) settle(p, v.state(), v.reason(), now, false);
    }

    private void failed(Probe p, int errno, long now) {
        switch (errno) {
            case ECONNREFUSED -> {
                giveUpSocket(p, true);
                scheduler.refused(p, now);   // the common case on a full scan: one hold of the lock
            }
            case EHOSTUNREACH -> {
                scheduler.answered(p, now, false);
                settle(p, PortState.FILTERED, Reason.HOST_UNREACH, now, false);
            }
            case ENETUNREACH -> {
                scheduler.answered(p, now, false);
                settle(p, PortState.FILTERED, Reason.NET_UNREACH, now, false);
            }
            case ECONNRESET -> {
                scheduler.answered(p, now, true);
                settle(p, PortState.OPEN_RESTRICTED, Reason.RESET_AT_ONCE, now, false);
            }
            case EMFILE, ENFILE, ENOBUFS, EADDRNOTAVAIL, EADDRINUSE -> {
                release(p, false);
                scheduler.handBack(p);
            }
            default -> {
                // Anything else (a local firewall's EPERM, a timeout inside the kernel) is no answer.
                release(p, false);
                scheduler.timedOut(p, now);
            }
        }
    }

    private void settle(Probe p, PortState state, Reason reason, long now, boolean reusable) {
        release(p, reusable);
        scheduler.decide(p, state, reason, now);
    }

    private void sweep(long now) {
        lastSweep = now;
        for (int i = pending.size() - 1; i >= 0; i--) {
            Probe p = pending.get(i);
            if (p.fd < 0) {                      // settled since the last sweep
                removeAt(i);
                continue;
            }
            switch (scheduler.due(p, now)) {
                case TIMED_OUT -> {
                    release(p, false);
                    removeAt(i);
                    scheduler.timedOut(p, now);
                }
                case WATCH_OVER -> {
                    removeAt(i);
                    settle(p, PortState.OPEN, Reason.SYN_ACK, now, false);   // still there and quiet: a service waiting for us
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

    private void track(int fd, Probe p) {
        if (fd >= byFd.length) {
            int size = Math.max(fd + 1, byFd.length * 2);
            byFd = Arrays.copyOf(byFd, size);
            watched = Arrays.copyOf(watched, size);
        }
        byFd[fd] = p;
    }

    private void watch(Probe p, int mask) {
        int r = watched[p.fd] ? calls.rewatch(p.fd, mask) : calls.watch(p.fd, mask);
        if (r < 0) throw new IllegalStateException("epoll_ctl failed: errno " + -r);
        watched[p.fd] = true;
    }

    /**
     * Gives up the attempt's socket: back to the pool when its connect was refused and epoll never
     * saw it (the kernel has reset it to unconnected), else closed. Frees the scheduler's slot.
     */
    private void release(Probe p, boolean reusable) {
        if (p.fd < 0) return;
        giveUpSocket(p, reusable);
        scheduler.socketClosed();
    }

    /** {@link #release} without telling the scheduler (the caller does, in the same call as the verdict). */
    private void giveUpSocket(Probe p, boolean reusable) {
        int fd = p.fd;
        byFd[fd] = null;
        boolean v6 = p.host.target.isIpv6();
        if (reusable && !watched[fd] && (v6 ? pooled6 : pooled4) < POOL) {
            if (v6) pool6[pooled6++] = fd;
            else pool4[pooled4++] = fd;
        } else {
            watched[fd] = false;
            calls.close(fd);
        }
        p.fd = -1;
    }
}
