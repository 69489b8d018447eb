package dev.vantage.server.security;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimiterTest {
    /** A clock the test moves. */
    static final class Hand extends Clock {
        long now = 1_000_000;

        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return Instant.ofEpochMilli(now); }
        @Override public long millis() { return now; }
    }

    @Test
    void allowsTheLimitPerWindowAndSaysWhenToRetry() {
        Hand clock = new Hand();
        RateLimiter l = new RateLimiter(3, Duration.ofMinutes(1), clock);
        assertTrue(l.tryAcquire("a"));
        clock.now += 10_000;
        assertTrue(l.tryAcquire("a"));
        assertTrue(l.tryAcquire("a"));
        assertFalse(l.tryAcquire("a"));
        assertTrue(l.tryAcquire("b"), "keys are independent");
        assertEquals(50, l.retryAfterSeconds("a"));
        clock.now += 50_000;
        assertTrue(l.tryAcquire("a"), "the first event left the window");
        l.reset("a");
        assertTrue(l.allows("a"));
    }

    @Test
    void memoryStaysBoundedUnderManyKeys() {
        RateLimiter l = new RateLimiter(1, Duration.ofHours(1), new Hand());
        for (int i = 0; i < 150_000; i++) l.record("k" + i);
        assertTrue(l.allows("k0"), "the oldest keys were forgotten");
        assertFalse(l.allows("k149999"));
    }
}
