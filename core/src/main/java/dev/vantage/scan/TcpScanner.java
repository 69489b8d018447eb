package dev.vantage.scan;

import dev.vantage.scan.internal.TcpScanEngine;
import dev.vantage.target.PortList;
import dev.vantage.target.Target;

import java.util.List;

/**
 * The TCP scanner: full connects need no privileges and work for IPv4 and IPv6; as root on Linux
 * it can ask with half-open SYNs instead ({@link ScanMethod}), with the same verdicts. Thousands of
 * non-blocking connects in flight, paced by per-host RTT-derived timeouts and congestion windows,
 * an optional global rate cap, and retransmission so that loss does not turn open ports into
 * filtered ones.
 *
 * <pre>{@code
 * ScanSummary s = new TcpScanner(ScanConfig.defaults()).scan(targets, PortList.parse("1-1024"), listener);
 * }</pre>
 */
public final class TcpScanner {
    private final TcpScanEngine engine;

    public TcpScanner(ScanConfig config) {
        this.engine = new TcpScanEngine(config);
    }

    /** Scans every port of every target, streaming results to the listener; blocks until done. */
    public ScanSummary scan(List<Target> targets, PortList ports, ScanListener listener) {
        dev.vantage.target.TargetFence.check(targets);
        return engine.run(targets, ports, listener, System.nanoTime());
    }

    /**
     * The method a scan of {@code targets} with {@code method} will use: {@code syn} or
     * {@code connect}.
     *
     * @throws dev.vantage.BadInputException if {@code method} is SYN and this system or these
     *                                        targets cannot have it (so a caller can refuse before sending anything)
     */
    public static String methodFor(ScanMethod method, List<Target> targets) {
        return TcpScanEngine.usesSyn(method, targets) ? "syn" : "connect";
    }

    /**
     * Does ahead of time what the first scan would otherwise do at its start: links the native
     * socket calls (tens of milliseconds of method-handle spinning in a fresh JVM) and asks once
     * whether raw sockets are allowed. For a second thread while the command line is parsed; any
     * failure is left for the scan to meet and report.
     */
    public static void prepare() {
        try {
            TcpScanEngine.usesSyn(ScanMethod.AUTO, List.of());
        } catch (RuntimeException | LinkageError ignored) {
            // the scan itself will meet it again
        }
    }

    /** Asks a running {@link #scan} to stop soon (from another thread). */
    public void cancel() {
        engine.cancel();
    }
}
