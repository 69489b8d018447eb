package dev.vantage.udp;

import dev.vantage.BadInputException;

import java.time.Duration;

/**
 * How hard and how patiently to scan UDP. Validated once, here.
 *
 * @param rate            datagrams per second over the whole scan, retransmissions included; 0 = no cap
 * @param maxInFlight     ports being probed at once over the whole scan (one socket each)
 * @param hostParallelism ports of one address probed at once. Hosts limit ICMP errors (Linux: a
 *                        burst of about six, then one a second per peer), so a low value keeps
 *                        closed ports of a long list from looking silent; but a silent port holds
 *                        its slot for the whole retry schedule, so a value below the port count
 *                        queues silent ports behind each other
 * @param maxRetries      attempts after the first before a silent port is called open|filtered
 * @param initialTimeout  how long the first attempt waits for an answer; each retry waits 1.5 times longer
 * @param maxTimeout      the ceiling of one attempt's wait
 * @param replyGrace      after the first reply, how long to wait for the replies to the attempt's other requests
 */
public record UdpScanConfig(int rate, int maxInFlight, int hostParallelism, int maxRetries,
                            Duration initialTimeout, Duration maxTimeout, Duration replyGrace) {

    public UdpScanConfig {
        if (rate < 0) throw new BadInputException("--udp-rate must be 0 (no cap) or a positive number of datagrams per second.");
        if (maxInFlight < 1 || maxInFlight > 65_536) throw new BadInputException("--udp-max-in-flight must be between 1 and 65536.");
        if (hostParallelism < 1 || hostParallelism > 1024) throw new BadInputException("--udp-host-parallelism must be between 1 and 1024.");
        if (maxRetries < 0 || maxRetries > 10) throw new BadInputException("--udp-max-retries must be between 0 and 10.");
        if (initialTimeout.toMillis() < 10) throw new BadInputException("--udp-timeout must be at least 10 ms.");
        if (maxTimeout.compareTo(initialTimeout) < 0) throw new BadInputException("--udp-max-timeout must not be smaller than --udp-timeout.");
        if (replyGrace.isNegative()) throw new BadInputException("the UDP reply grace must not be negative.");
    }

    /**
     * Four attempts, 0.8 s apart growing to 2 s: about 6 s for a silent port. The schedule is set
     * by ICMP rather than by loss: Linux answers a burst of six unreachables per peer, then one a
     * second, so the ninth closed port of the key set gets its ICMP about 3 s in; a last attempt
     * at 3.8 s still catches it instead of calling the port open|filtered.
     *
     * <p>Ten ports of a host at once: the whole key set (9 ports). With six, a firewalled host's
     * seventh silent port waited for a slot and the key set took two schedules, 11.6 s, instead of
     * one. Closed ports do not need the lower value here: each gives its slot back as soon as its
     * unreachable arrives, so six or ten in flight meet the same ICMP budget.
     */
    public static UdpScanConfig defaults() {
        return new UdpScanConfig(0, 1024, 10, 3, Duration.ofMillis(800), Duration.ofMillis(2000), Duration.ofMillis(150));
    }

    public UdpScanConfig withRate(int r) {
        return new UdpScanConfig(r, maxInFlight, hostParallelism, maxRetries, initialTimeout, maxTimeout, replyGrace);
    }

    public UdpScanConfig withMaxRetries(int n) {
        return new UdpScanConfig(rate, maxInFlight, hostParallelism, n, initialTimeout, maxTimeout, replyGrace);
    }

    public UdpScanConfig withTimeouts(Duration initial, Duration max) {
        return new UdpScanConfig(rate, maxInFlight, hostParallelism, maxRetries, initial, max, replyGrace);
    }

    public UdpScanConfig withParallelism(int inFlight, int perHost) {
        return new UdpScanConfig(rate, inFlight, perHost, maxRetries, initialTimeout, maxTimeout, replyGrace);
    }

    /** How long attempt {@code n} (0-based) waits for an answer. */
    public Duration attemptTimeout(int n) {
        double ms = initialTimeout.toMillis() * Math.pow(1.5, n);
        return Duration.ofMillis((long) Math.min(ms, maxTimeout.toMillis()));
    }
}
