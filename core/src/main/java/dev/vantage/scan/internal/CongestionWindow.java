package dev.vantage.scan.internal;

/**
 * How many attempts may be in flight, grown on answers and halved on congestion, as TCP's window.
 *
 * <p>A scanner sees two kinds of silence that TCP does not: a firewall that drops a port (a
 * timeout that says nothing about the path), and random loss on a path that is not congested.
 * So the loss signal is an answer to a <em>retransmitted</em> attempt (the earlier one vanished
 * on a path that does carry answers), and the window is halved only when such answers make up a
 * real share of one round trip's answers (at least two and at least a tenth): a queue that
 * overflows loses many packets at once, while a line with 1 % random loss does not, and halving
 * on every random loss would make a lossy link as slow as a congested one. At most one reduction
 * per round trip. Not thread-safe: its owner synchronises.
 */
public final class CongestionWindow {
    private static final double MIN_WINDOW = 4;
    private static final long MIN_EPOCH_NANOS = 1_000_000;
    private final double max;
    private double window;
    private double threshold;
    private long epochStart = Long.MIN_VALUE / 2;
    private int epochAnswers;
    private int epochLosses;
    private boolean reducedThisEpoch;

    public CongestionWindow(int initial, int max) {
        this.max = Math.max(MIN_WINDOW, max);
        this.window = Math.clamp(initial, MIN_WINDOW, this.max);
        this.threshold = this.max;
    }

    public int allowed() {
        return (int) window;
    }

    /** A first attempt was answered, or left the network unanswered: the window may grow. */
    public void onAnswer() {
        window = Math.min(max, window < threshold ? window + 1 : window + 1 / window);
    }

    /**
     * An answer arrived at {@code now}; {@code retransmitted} says whether it answered a retry.
     *
     * @return whether the window shrank
     */
    public boolean onAnswer(long now, long roundTripNanos, boolean retransmitted) {
        boolean shrank = false;
        if (now - epochStart >= Math.max(roundTripNanos, MIN_EPOCH_NANOS)) {
            epochStart = now;
            epochAnswers = 0;
            epochLosses = 0;
            reducedThisEpoch = false;
        }
        epochAnswers++;
        if (retransmitted) {
            epochLosses++;
            if (!reducedThisEpoch && epochLosses >= 2 && epochLosses * 10 >= epochAnswers) {
                threshold = Math.max(MIN_WINDOW, window / 2);
                window = threshold;
                shrank = true;
                reducedThisEpoch = true;   // one reduction per round trip
            }
        } else {
            onAnswer();
        }
        return shrank;
    }
}
