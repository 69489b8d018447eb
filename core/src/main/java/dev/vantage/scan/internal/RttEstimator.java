package dev.vantage.scan.internal;

/**
 * Smoothed round-trip time and its variation, as TCP keeps them (RFC 6298), giving a timeout of
 * {@code srtt + 4·rttvar} clamped to [min, max]. Not thread-safe: its owner synchronises.
 */
public final class RttEstimator {
    private final long minTimeoutNanos;
    private final long maxTimeoutNanos;
    private final long initialTimeoutNanos;
    private long srtt = -1;
    private long rttvar;
    private int samples;

    public RttEstimator(long initialTimeoutNanos, long minTimeoutNanos, long maxTimeoutNanos) {
        this.initialTimeoutNanos = initialTimeoutNanos;
        this.minTimeoutNanos = minTimeoutNanos;
        this.maxTimeoutNanos = maxTimeoutNanos;
    }

    public void sample(long rttNanos) {
        long r = Math.max(0, rttNanos);
        if (srtt < 0) {
            srtt = r;
            rttvar = r / 2;
        } else {
            rttvar = (3 * rttvar + Math.abs(srtt - r)) / 4;  // beta = 1/4
            srtt = (7 * srtt + r) / 8;                        // alpha = 1/8
        }
        samples++;
    }

    public boolean hasSamples() {
        return samples > 0;
    }

    public int samples() {
        return samples;
    }

    /** Smoothed RTT in nanoseconds, or -1 before the first sample. */
    public long srttNanos() {
        return srtt;
    }

    public long rttvarNanos() {
        return rttvar;
    }

    /** How long to wait for an answer before assuming the attempt was lost. */
    public long timeoutNanos() {
        if (srtt < 0) return initialTimeoutNanos;
        return Math.clamp(srtt + 4 * rttvar, minTimeoutNanos, maxTimeoutNanos);
    }
}
