package dev.vantage.scan;

import dev.vantage.BadInputException;

import java.time.Duration;

/**
 * How hard and how patiently to scan. Validated once, here; a bad value is a
 * {@link BadInputException} naming the option.
 *
 * @param rate             connection attempts per second over the whole scan, retries included; 0 = no cap
 * @param maxInFlight      sockets open at once over the whole scan (bounded by file descriptors)
 * @param hostParallelism  the most attempts in flight to one address (the congestion window's ceiling)
 * @param maxRetries       attempts after the first before a silent port is called filtered
 * @param initialTimeout   connect timeout before any round trip to a host has been measured
 * @param minTimeout       the floor of the timeout derived from measured round trips
 * @param maxTimeout       the ceiling of that timeout
 * @param restrictedWait   after a handshake, how long (beyond the measured round trip) to watch for the peer
 *                         closing at once, which marks an open-restricted port
 * @param lanes            selector threads; on loopback the kernel's connect path is the bottleneck
 *                         and one thread per core is what saturates it
 * @param method           full connects, half-open SYNs, or the faster one this process can use
 */
public record ScanConfig(int rate, int maxInFlight, int hostParallelism, int maxRetries,
                         Duration initialTimeout, Duration minTimeout, Duration maxTimeout,
                         Duration restrictedWait, int lanes, ScanMethod method) {

    public ScanConfig {
        if (rate < 0) throw new BadInputException("--rate must be 0 (no cap) or a positive number of attempts per second.");
        if (maxInFlight < 1 || maxInFlight > 1_000_000) throw new BadInputException("--max-in-flight must be between 1 and 1000000.");
        if (hostParallelism < 1) throw new BadInputException("--host-parallelism must be at least 1.");
        if (maxRetries < 0 || maxRetries > 20) throw new BadInputException("--max-retries must be between 0 and 20.");
        if (minTimeout.isNegative() || minTimeout.isZero()) throw new BadInputException("--min-rtt-timeout must be positive.");
        if (maxTimeout.compareTo(minTimeout) < 0) {
            throw new BadInputException("--max-rtt-timeout must not be smaller than --min-rtt-timeout.");
        }
        if (initialTimeout.compareTo(minTimeout) < 0 || initialTimeout.compareTo(maxTimeout) > 0) {
            throw new BadInputException("--initial-rtt-timeout must lie between the minimum and maximum timeouts.");
        }
        if (restrictedWait.isNegative()) throw new BadInputException("--restricted-wait must not be negative.");
        if (lanes < 1 || lanes > 64) throw new BadInputException("--lanes must be between 1 and 64.");
        if (method == null) throw new BadInputException("a scan method is required.");
    }

    /** Defaults close to nmap's -T4: quick on good links, patient enough for lossy ones. */
    public static ScanConfig defaults() {
        return new ScanConfig(0, 4096, 1024, 2, Duration.ofMillis(1000), Duration.ofMillis(100),
                Duration.ofMillis(1500), Duration.ofMillis(100),
                Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())), ScanMethod.AUTO);
    }

    public ScanConfig withRate(int r) {
        return new ScanConfig(r, maxInFlight, hostParallelism, maxRetries, initialTimeout, minTimeout, maxTimeout, restrictedWait, lanes, method);
    }

    public ScanConfig withMaxRetries(int n) {
        return new ScanConfig(rate, maxInFlight, hostParallelism, n, initialTimeout, minTimeout, maxTimeout, restrictedWait, lanes, method);
    }

    public ScanConfig withTimeouts(Duration initial, Duration min, Duration max) {
        return new ScanConfig(rate, maxInFlight, hostParallelism, maxRetries, initial, min, max, restrictedWait, lanes, method);
    }

    public ScanConfig withParallelism(int inFlight, int perHost) {
        return new ScanConfig(rate, inFlight, perHost, maxRetries, initialTimeout, minTimeout, maxTimeout, restrictedWait, lanes, method);
    }

    public ScanConfig withRestrictedWait(Duration wait) {
        return new ScanConfig(rate, maxInFlight, hostParallelism, maxRetries, initialTimeout, minTimeout, maxTimeout, wait, lanes, method);
    }

    public ScanConfig withLanes(int n) {
        return new ScanConfig(rate, maxInFlight, hostParallelism, maxRetries, initialTimeout, minTimeout, maxTimeout, restrictedWait, n, method);
    }

    public ScanConfig withMethod(ScanMethod m) {
        return new ScanConfig(rate, maxInFlight, hostParallelism, maxRetries, initialTimeout, minTimeout, maxTimeout, restrictedWait, lanes, m);
    }
}
