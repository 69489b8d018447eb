package dev.vantage.scan.internal;

import dev.vantage.scan.Protocol;
import dev.vantage.scan.ScanConfig;
import dev.vantage.scan.ScanListener;
import dev.vantage.scan.ScanPlan;
import dev.vantage.scan.ScanSummary;
import dev.vantage.target.PortList;
import dev.vantage.target.Target;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one TCP connect scan: a scheduler and a few lanes (threads), until every port is decided.
 * Lanes use Linux's socket calls directly where the JVM allows it ({@link LinuxSockets}), else NIO;
 * the system property {@code vantage.engine} ({@code auto}, {@code native}, {@code nio}) chooses.
 */
public final class TcpScanEngine {
    private final ScanConfig config;
    private final List<Lane> lanes = new ArrayList<>();
    private volatile boolean cancelled;

    public TcpScanEngine(ScanConfig config) {
        this.config = config;
    }

    public ScanSummary run(List<Target> targets, PortList ports, ScanListener listener, long seed) {
        long start = System.nanoTime();
        listener.started(new ScanPlan(targets.size(), ports.size(), Protocol.TCP));
        Scheduler scheduler = new Scheduler(targets, ports, config, listener, seed, start);
        boolean syn = synWanted(targets);   // one raw socket per lane, as many lanes as connect lanes
        int laneCount = (int) Math.max(1, Math.min(config.lanes(), (long) targets.size() * ports.size() / 64 + 1));
        List<Thread> threads = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try {
            for (int i = 0; i < laneCount; i++) {
                Lane lane = syn ? new SynLane(scheduler, LinuxSockets.load().orElseThrow()) : newLane(scheduler);
                synchronized (lanes) {
                    lanes.add(lane);
                }
                Thread t = new Thread(lane, "vantage-lane-" + i);
                t.setDaemon(true);
                t.setUncaughtExceptionHandler((th, e) -> {
                    failure.compareAndSet(null, e);
                    cancel();
                });
                threads.add(t);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
        threads.forEach(Thread::start);
        try {
            for (Thread t : threads) t.join();
        } catch (InterruptedException e) {
            cancel();
            Thread.currentThread().interrupt();
        }
        Throwable err = failure.get();
        if (err instanceof RuntimeException re) throw re;
        if (err instanceof Error er) throw er;
        ScanSummary summary = scheduler.summary(System.nanoTime());
        listener.finished(summary);
        return summary;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Stops the scan soon; ports not yet decided are not reported. */
    public void cancel() {
        cancelled = true;
        synchronized (lanes) {
            lanes.forEach(Lane::cancel);
        }
    }

    /**
     * PROTOTYPE: {@code -Dvantage.engine=syn} asks for the raw-socket SYN lane ({@link SynLane}); it is
     * used only where it can be (Linux, native calls linked, a raw socket allowed, IPv4 targets),
     * else the scan quietly runs on the connect lanes.
     */
    private static boolean synWanted(List<Target> targets) {
        if (!"syn".equals(System.getProperty("vantage.engine"))) return false;
        LinuxSockets sockets = LinuxSockets.load().orElse(null);
        if (sockets == null || !SynLane.available(sockets)) return false;
        return targets.stream().noneMatch(Target::isIpv6);
    }

    /** Which socket calls the lanes use: {@code syn} (IPv4 targets only), {@code native} or {@code nio}. */
    public static String engineName() {
        if (synWanted(List.of())) return "syn";
        return nativeSockets() != null ? "native" : "nio";
    }

    private static Lane newLane(Scheduler scheduler) throws IOException {
        LinuxSockets sockets = nativeSockets();
        return sockets != null ? new NativeConnectLane(scheduler, sockets) : new ConnectLane(scheduler);
    }

    private static @Nullable LinuxSockets nativeSockets() {
        String choice = System.getProperty("vantage.engine", "auto");
        return switch (choice) {
            case "nio" -> null;
            case "native" -> LinuxSockets.load().orElseThrow(
                    () -> new IllegalStateException("-Dvantage.engine=native: " + LinuxSockets.status()));
            default -> LinuxSockets.load().orElse(null);
        };
    }
}
