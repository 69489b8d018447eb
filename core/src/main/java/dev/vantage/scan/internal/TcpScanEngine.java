package dev.vantage.scan.internal;

import dev.vantage.BadInputException;
import dev.vantage.scan.Protocol;
import dev.vantage.scan.ScanConfig;
import dev.vantage.scan.ScanListener;
import dev.vantage.scan.ScanMethod;
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
 * Runs one TCP scan: a scheduler and a few lanes (threads), until every port is decided. The
 * {@link ScanMethod} picks half-open SYN lanes ({@link SynLane}) or connect lanes; connect lanes use
 * Linux's socket calls directly where the JVM allows it ({@link LinuxSockets}), else NIO. The
 * system property {@code vantage.engine} overrides the method for tests and measurements:
 * {@code native} or {@code nio} (connect lanes of that kind), {@code syn} (SYN lanes wherever they can run).
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
        boolean syn = usesSyn(config.method(), targets);   // one raw socket per lane, as many lanes as connect lanes
        listener.started(new ScanPlan(targets.size(), ports.size(), Protocol.TCP, syn ? "syn" : "connect"));
        Scheduler scheduler = new Scheduler(targets, ports, config, listener, seed, start);
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
     * Whether this scan runs on SYN lanes. {@code auto} takes them where they can run; {@code syn}
     * insists, and a system that cannot run them is the user's error to hear about.
     */
    public static boolean usesSyn(ScanMethod method, List<Target> targets) {
        String forced = System.getProperty("vantage.engine", "auto");
        if (forced.equals("native") || forced.equals("nio")) return false;
        if (forced.equals("syn")) method = ScanMethod.AUTO;   // SYN lanes wherever they can run
        return switch (method) {
            case CONNECT -> false;
            case AUTO -> synUnavailable(targets) == null;
            case SYN -> {
                String why = synUnavailable(targets);
                if (why != null) throw new BadInputException("--scan-method syn is not possible here: " + why + ". Use --scan-method connect.");
                yield true;
            }
        };
    }

    /** Why SYN lanes cannot scan these targets, or null when they can. */
    private static @Nullable String synUnavailable(List<Target> targets) {
        if (targets.stream().anyMatch(Target::isIpv6)) return "IPv6 targets need full connects";
        LinuxSockets sockets = LinuxSockets.load().orElse(null);
        if (sockets == null) return "the native socket calls are unavailable (" + LinuxSockets.status() + ")";
        if (!RawSockets.allowed(sockets)) return "raw sockets need root or CAP_NET_RAW";
        return null;
    }

    /** Whether this process may open raw sockets: asked once (it costs a socket). */
    private static final class RawSockets {
        private static volatile @Nullable Boolean allowed;

        // Synchronized: the check's main thread waits for the preloading thread's answer instead of
        // opening a second session and socket alongside it.
        static synchronized boolean allowed(LinuxSockets sockets) {
            Boolean a = allowed;
            if (a == null) allowed = a = SynLane.available(sockets);
            return a;
        }
    }

    /** Which lanes a scan of IPv4 targets with default settings uses: {@code syn}, {@code native} or {@code nio}. */
    public static String engineName() {
        if (usesSyn(ScanMethod.AUTO, List.of())) return "syn";
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
