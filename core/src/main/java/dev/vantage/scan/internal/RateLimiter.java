package dev.vantage.scan.internal;

/**
 * A token bucket: at most {@code rate} attempts per second, with a burst of a few milliseconds'
 * worth so pacing stays smooth. A rate of 0 means no cap. Not thread-safe: its owner synchronises.
 */
public final class RateLimiter {
    private final double perNano;
    private final double burst;
    private double tokens;
    private long last;

    public RateLimiter(int ratePerSecond, long nowNanos) {
        this.perNano = ratePerSecond / 1e9;
        this.burst = Math.max(1, ratePerSecond / 200.0);
        this.tokens = burst;
        this.last = nowNanos;
    }

    public boolean unlimited() {
        return perNano == 0;
    }

    public boolean tryAcquire(long nowNanos) {
        if (unlimited()) return true;
        refill(nowNanos);
        if (tokens < 1) return false;
        tokens -= 1;
        return true;
    }

    /** Nanoseconds until the next token, 0 if one is there now. */
    public long waitNanos(long nowNanos) {
        if (unlimited()) return 0;
        refill(nowNanos);
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / perNano);
    }

    private void refill(long nowNanos) {
        tokens = Math.min(burst, tokens + (nowNanos - last) * perNano);
        last = nowNanos;
    }
}
