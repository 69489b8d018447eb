package dev.vantage.udp.internal;

/**
 * A thread-safe token bucket for datagrams: at most {@code rate} a second, with a burst of a
 * few milliseconds' worth so pacing stays smooth. A rate of 0 means no cap. Callers block (on
 * virtual threads) until their datagram may go.
 */
public final class DatagramRate {
    private final double perNano;
    private final double burst;
    private double tokens;
    private long last;

    public DatagramRate(int ratePerSecond) {
        this.perNano = ratePerSecond / 1e9;
        this.burst = Math.max(1, ratePerSecond / 200.0);
        this.tokens = burst;
        this.last = System.nanoTime();
    }

    /** Waits until one datagram may be sent. */
    public void acquire() throws InterruptedException {
        if (perNano == 0) return;
        while (true) {
            long waitNanos;
            synchronized (this) {
                long now = System.nanoTime();
                tokens = Math.min(burst, tokens + (now - last) * perNano);
                last = now;
                if (tokens >= 1) {
                    tokens -= 1;
                    return;
                }
                waitNanos = (long) Math.ceil((1 - tokens) / perNano);
            }
            Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
        }
    }
}
