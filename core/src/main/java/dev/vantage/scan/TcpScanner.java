package dev.vantage.scan;

import dev.vantage.scan.internal.TcpScanEngine;
import dev.vantage.target.PortList;
import dev.vantage.target.Target;

import java.util.List;

/**
 * The TCP connect scanner: needs no privileges, works for IPv4 and IPv6. Thousands of
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

    /** Asks a running {@link #scan} to stop soon (from another thread). */
    public void cancel() {
        engine.cancel();
    }
}
