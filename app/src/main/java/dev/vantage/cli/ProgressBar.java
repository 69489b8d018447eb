package dev.vantage.cli;

import dev.vantage.scan.PortResult;
import dev.vantage.scan.ScanListener;
import dev.vantage.scan.ScanPlan;
import dev.vantage.scan.ScanSummary;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A one-line progress bar on a terminal's stderr: ports done of total, open so far, rate and ETA.
 * Redrawn five times a second by its own daemon thread, so it moves even while the scan waits.
 */
final class ProgressBar implements ScanListener {
    private static final int WIDTH = 24;
    private final PrintStream err;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong open = new AtomicLong();
    private volatile long total;
    private volatile boolean running;
    private long startNanos;
    private Thread painter;

    ProgressBar(PrintStream err) {
        this.err = err;
    }

    @Override
    public void started(ScanPlan plan) {
        total = plan.totalPorts();
        startNanos = System.nanoTime();
        running = true;
        painter = Thread.ofPlatform().daemon().name("vantage-progress").start(() -> {
            while (running) {
                paint();
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    @Override
    public void portDone(PortResult result) {
        done.incrementAndGet();
        if (result.state().isReachable()) open.incrementAndGet();
    }

    @Override
    public void finished(ScanSummary summary) {
        running = false;
        if (painter != null) painter.interrupt();
        synchronized (this) {
            err.print("\r\033[K");
            err.flush();
        }
    }

    private synchronized void paint() {
        if (!running) return;
        long d = done.get();
        long t = Math.max(1, total);
        double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
        double rate = d / seconds;
        int filled = (int) (WIDTH * d / t);
        String eta = rate > 0 && d < t ? String.format(Locale.ROOT, "%.0fs", (t - d) / rate) : "-";
        err.printf(Locale.ROOT, "\r\033[K[%s%s] %d/%d ports  %d open  %.0f/s  ETA %s",
                "#".repeat(filled), ".".repeat(WIDTH - filled), d, t, open.get(), rate, eta);
        err.flush();
    }
}
