package dev.vantage.scan.internal;

/**
 * How many attempts may be in flight to one host, grown on answers and halved on loss, as TCP's
 * window. A firewall that drops a port also produces timeouts, so a timeout alone is not loss:
 * the loss signal is an answer to a <em>retransmitted</em> attempt (the earlier one vanished on a
 * path that does carry answers). At most one reduction per round trip, so a burst of losses
 * counts as one event. Not thread-safe: its owner synchronises.
 */
public final class CongestionWindow {
    private static final double MIN_WINDOW = 4;
    private final double max;
    private double window;
    private double threshold;
    private long lastReductionNanos = Long.MIN_VALUE / 2;

    public CongestionWindow(int initial, int max) {
        this.max = Math.max(MIN_WINDOW, max);
        this.window = Math.clamp(initial, MIN_WINDOW, this.max);
        this.threshold = this.max;
    }

    public int allowed() {
        return (int) window;
    }

    public void onAnswer() {
        window = Math.min(max, window < threshold ? window + 1 : window + 1 / window);
    }

    /** @return whether the window shrank (false if it already did within the last round trip) */
    public boolean onLoss(long nowNanos, long roundTripNanos) {
        if (nowNanos - lastReductionNanos < Math.max(roundTripNanos, 1_000_000)) return false;
        threshold = Math.max(MIN_WINDOW, window / 2);
        window = threshold;
        lastReductionNanos = nowNanos;
        return true;
    }
}
