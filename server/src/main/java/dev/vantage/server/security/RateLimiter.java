package dev.vantage.server.security;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * At most {@code limit} events per key within a sliding window (login attempts per address,
 * failed logins per account, sign-ups per address). Memory is bounded: at most
 * {@value #MAX_KEYS} keys are tracked, the least recently used is forgotten first, and each key
 * keeps at most {@code limit} timestamps. Kept in memory: a restart forgets the counts, which
 * only ever errs towards letting a user in again.
 */
public final class RateLimiter {
    private static final int MAX_KEYS = 100_000;

    private final int limit;
    private final long windowMillis;
    private final Clock clock;
    private final LinkedHashMap<String, ArrayDeque<Long>> events = new LinkedHashMap<>(256, 0.75f, true);

    public RateLimiter(int limit, Duration window, Clock clock) {
        if (limit < 1) throw new IllegalArgumentException("limit must be positive");
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    /** Whether another event for the key is allowed now (without recording one). */
    public synchronized boolean allows(String key) {
        ArrayDeque<Long> q = events.get(key);
        if (q == null) return true;
        expire(q, clock.millis());
        return q.size() < limit;
    }

    /** Records an event; returns false (and records nothing) when the key is over its limit. */
    public synchronized boolean tryAcquire(String key) {
        long now = clock.millis();
        ArrayDeque<Long> q = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        expire(q, now);
        if (q.size() >= limit) return false;
        q.addLast(now);
        trim();
        return true;
    }

    /** Records an event whatever the count (a failure that already happened). */
    public synchronized void record(String key) {
        long now = clock.millis();
        ArrayDeque<Long> q = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        expire(q, now);
        if (q.size() >= limit) q.removeFirst();
        q.addLast(now);
        trim();
    }

    /** Forgets a key (after a successful login, the account's failures no longer count). */
    public synchronized void reset(String key) {
        events.remove(key);
    }

    /** Seconds until the key may act again (for Retry-After); 0 if it may now. */
    public synchronized long retryAfterSeconds(String key) {
        ArrayDeque<Long> q = events.get(key);
        if (q == null) return 0;
        long now = clock.millis();
        expire(q, now);
        if (q.size() < limit) return 0;
        return Math.max(1, (q.peekFirst() + windowMillis - now + 999) / 1000);
    }

    private void expire(ArrayDeque<Long> q, long now) {
        while (!q.isEmpty() && q.peekFirst() <= now - windowMillis) q.removeFirst();
    }

    private void trim() {
        if (events.size() <= MAX_KEYS) return;
        Iterator<Map.Entry<String, ArrayDeque<Long>>> it = events.entrySet().iterator();
        while (events.size() > MAX_KEYS && it.hasNext()) {
            it.next();
            it.remove();
        }
    }
}
