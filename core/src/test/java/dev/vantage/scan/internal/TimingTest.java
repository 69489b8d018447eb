package dev.vantage.scan.internal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimingTest {
    private static final long MS = 1_000_000;

    @Test
    void timeoutStartsAtTheInitialValueThenFollowsMeasuredRoundTrips() {
        RttEstimator rtt = new RttEstimator(1000 * MS, 100 * MS, 1500 * MS);
        assertEquals(1000 * MS, rtt.timeoutNanos());
        rtt.sample(40 * MS);
        assertEquals(40 * MS, rtt.srttNanos());
        assertEquals(20 * MS, rtt.rttvarNanos());
        assertEquals(120 * MS, rtt.timeoutNanos());        // 40 + 4 * 20
        for (int i = 0; i < 50; i++) rtt.sample(40 * MS);
        assertEquals(100 * MS, rtt.timeoutNanos());        // converges to 40, clamped at the 100 ms floor
        for (int i = 0; i < 50; i++) rtt.sample(2000 * MS);
        assertEquals(1500 * MS, rtt.timeoutNanos());       // and at the ceiling
    }

    @Test
    void jitterWidensTheTimeout() {
        RttEstimator steady = new RttEstimator(1000 * MS, 1 * MS, 1500 * MS);
        RttEstimator jittery = new RttEstimator(1000 * MS, 1 * MS, 1500 * MS);
        for (int i = 0; i < 40; i++) {
            steady.sample(40 * MS);
            jittery.sample((i % 2 == 0 ? 30 : 50) * MS);
        }
        assertTrue(jittery.timeoutNanos() > steady.timeoutNanos() + 20 * MS);
    }

    @Test
    void windowGrowsOnAnswersAndHalvesOncePerRoundTripOnBurstLoss() {
        CongestionWindow w = new CongestionWindow(32, 1024);
        long t = 1000 * MS;
        for (int i = 0; i < 32; i++) w.onAnswer(t, 40 * MS, false);
        assertEquals(64, w.allowed());                       // slow start: +1 per answer
        t += 50 * MS;                                         // a new round trip
        assertFalse(w.onAnswer(t, 40 * MS, true));           // one answered retry: could be random loss
        assertTrue(w.onAnswer(t + MS, 40 * MS, true));       // a second in the same round trip, > 1/10: congestion
        assertEquals(32, w.allowed());
        assertFalse(w.onAnswer(t + 2 * MS, 40 * MS, true));  // the same loss event
        assertEquals(32, w.allowed());
        long next = t + 50 * MS;                              // a new round trip
        for (int i = 0; i < 40; i++) w.onAnswer(next, 40 * MS, false);
        assertEquals(33, w.allowed());                        // congestion avoidance: about +1 per window
        for (int i = 0; i < 200; i++) w.onAnswer(next + (i + 1) * 50 * MS, 40 * MS, true);
        assertTrue(w.allowed() >= 4, "never below the floor");
    }

    @Test
    void randomLossOfOnePercentDoesNotShrinkTheWindow() {
        CongestionWindow w = new CongestionWindow(32, 1024);
        long t = 0;
        for (int i = 0; i < 2000; i++) {
            if (i % 100 == 0) t += 40 * MS;                   // 100 answers per round trip
            w.onAnswer(t, 40 * MS, i % 100 == 7);              // one of them answers a retransmission
        }
        assertEquals(1024, w.allowed());
    }

    @Test
    void rateLimiterPacesAttempts() {
        RateLimiter r = new RateLimiter(1000, 0);
        int sent = 0;
        for (long t = 0; t <= 1000 * MS; t += MS / 10) while (r.tryAcquire(t)) sent++;
        assertTrue(sent >= 1000 && sent <= 1010, "sent " + sent);
        assertTrue(new RateLimiter(0, 0).tryAcquire(0));
        RateLimiter slow = new RateLimiter(10, 0);
        assertTrue(slow.tryAcquire(0));
        assertFalse(slow.tryAcquire(0));
        assertEquals(100 * MS, slow.waitNanos(0), 1.0 * MS);
    }
}
