package dev.vantage.tripwire;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token bucket per source address: {@code burst} connections at once, then {@code rate} a
 * second. Remembers at most {@code maxSources} sources (the least recently seen are forgotten and
 * start with a full bucket again), so memory stays bounded under spoofed-looking floods.
 * Thread-safe.
 */
final class SourceRateLimiter {
    private final double ratePerNano;
    private final double burst;
    private final Map<InetAddress, Bucket> buckets;

    private static final class Bucket {
        double tokens;
        long refilledAt;

        Bucket(double tokens, long refilledAt) {
            this.tokens = tokens;
            this.refilledAt = refilledAt;
        }
    }

    SourceRateLimiter(double ratePerSecond, int burst, int maxSources) {
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.buckets = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<InetAddress, Bucket> eldest) {
                return size() > maxSources;
            }
        };
    }

    /** True when the source may be served now (and takes a token); always true when the rate is 0. */
    synchronized boolean tryAcquire(InetAddress source, long nowNanos) {
        if (ratePerNano == 0) return true;
        Bucket b = buckets.computeIfAbsent(source, k -> new Bucket(burst, nowNanos));
        b.tokens = Math.min(burst, b.tokens + (nowNanos - b.refilledAt) * ratePerNano);
        b.refilledAt = nowNanos;
        if (b.tokens < 1) return false;
        b.tokens -= 1;
        return true;
    }
}
