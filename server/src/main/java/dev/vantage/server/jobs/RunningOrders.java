package dev.vantage.server.jobs;

import dev.vantage.scan.PortResult;
import dev.vantage.scan.ScanListener;
import dev.vantage.scan.ScanPlan;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The orders this process is running: the thread that runs each inspection (to interrupt it on
 * cancel or shutdown) and its progress, counted in memory by a {@link ScanListener} (which must
 * never block the scanner) and copied to the database by the order's job thread.
 */
public final class RunningOrders {
    /** Ports decided out of ports planned, for one order. */
    public static final class Progress implements ScanListener {
        private final AtomicLong total = new AtomicLong();
        private final AtomicLong done = new AtomicLong();

        @Override
        public void started(ScanPlan plan) {
            total.set(plan.totalPorts());
        }

        @Override
        public void portDone(PortResult result) {
            done.incrementAndGet();
        }

        /** 0-95 while scanning (the rest is identification and checks, whose length is not known in advance). */
        public int percent() {
            long t = total.get();
            return t <= 0 ? 0 : (int) Math.min(95, done.get() * 95 / t);
        }
    }

    private record Entry(Thread thread, Progress progress) {}

    private final ConcurrentHashMap<String, Entry> running = new ConcurrentHashMap<>();
    private volatile boolean shuttingDown;

    void register(String orderId, Thread thread, Progress progress) {
        running.put(orderId, new Entry(thread, progress));
    }

    void unregister(String orderId) {
        running.remove(orderId);
    }

    /** Stops the inspection of an order if it runs here. */
    public void interrupt(String orderId) {
        Entry e = running.get(orderId);
        if (e != null) e.thread().interrupt();
    }

    /** Interrupts every inspection; their orders are put back in the queue, not failed. */
    public void shutdown() {
        shuttingDown = true;
        running.values().forEach(e -> e.thread().interrupt());
    }

    boolean shuttingDown() {
        return shuttingDown;
    }

    public int count() {
        return running.size();
    }
}
