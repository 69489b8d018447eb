package dev.vantage.tripwire;

import dev.vantage.BadInputException;
import org.jspecify.annotations.Nullable;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How the tripwire listens, validated once here.
 *
 * @param ports          decoy port → the banner it shows
 * @param bind           the address to listen on, or null for every address (IPv4 and IPv6)
 * @param hostAddress    the address the events are recorded under, when the tripwire sits behind
 *                       NAT and the owner's check sees another one; null: the address connected to
 * @param maxConnections connections served at once; beyond, connections are closed at once (and recorded)
 * @param sourceRate     connections a second one source may open before it is refused at once
 *                       (and recorded); 0 for no limit
 * @param sourceBurst    connections a source may open at once before its rate applies
 * @param captureBytes   most bytes read from one client
 * @param sessionTimeout longest time one client is served
 * @param queueCapacity  events waiting for the writer; when full, events are counted as dropped
 */
public record TripwireConfig(SortedMap<Integer, Banner> ports, @Nullable InetAddress bind, @Nullable InetAddress hostAddress,
                             int maxConnections, double sourceRate, int sourceBurst, int captureBytes,
                             Duration sessionTimeout, int queueCapacity) {
    public static final int MAX_PORTS = 100;
    public static final int DEFAULT_MAX_CONNECTIONS = 256;
    public static final double DEFAULT_SOURCE_RATE = 2;
    public static final int DEFAULT_SOURCE_BURST = 20;
    public static final int DEFAULT_CAPTURE_BYTES = 2048;
    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_QUEUE_CAPACITY = 8192;

    public TripwireConfig {
        ports = Collections.unmodifiableSortedMap(new TreeMap<>(ports));
        if (ports.isEmpty()) throw new BadInputException("Give the decoy ports with --ports, e.g. --ports 21,23,3389.");
        if (ports.size() > MAX_PORTS) {
            throw new BadInputException("At most " + MAX_PORTS + " decoy ports, not " + ports.size() + "; a tripwire needs only a few.");
        }
        for (int p : ports.keySet()) {
            if (p < 1 || p > 65535) throw new BadInputException("Port " + p + " is not between 1 and 65535.");
        }
        if (maxConnections < 1 || maxConnections > 100_000) {
            throw new BadInputException("--max-connections must be between 1 and 100000, not " + maxConnections + ".");
        }
        if (sourceRate < 0 || Double.isNaN(sourceRate)) throw new BadInputException("--source-rate must be 0 (no limit) or more.");
        if (sourceBurst < 1) throw new BadInputException("--source-burst must be 1 or more.");
        if (captureBytes < 64 || captureBytes > 65536) throw new BadInputException("The capture size must be between 64 and 65536 bytes.");
        if (sessionTimeout.isNegative() || sessionTimeout.isZero() || sessionTimeout.toSeconds() > 600) {
            throw new BadInputException("The session timeout must be between 1 ms and 10 minutes.");
        }
        if (queueCapacity < 16 || queueCapacity > 1_000_000) throw new BadInputException("The queue capacity must be between 16 and 1000000.");
    }

    /** Defaults for everything but the ports. */
    public static TripwireConfig of(Map<Integer, Banner> ports) {
        return new TripwireConfig(new TreeMap<>(ports), null, null, DEFAULT_MAX_CONNECTIONS, DEFAULT_SOURCE_RATE, DEFAULT_SOURCE_BURST,
                DEFAULT_CAPTURE_BYTES, DEFAULT_SESSION_TIMEOUT, DEFAULT_QUEUE_CAPACITY);
    }

    public TripwireConfig withBind(@Nullable InetAddress address) {
        return new TripwireConfig(ports, address, hostAddress, maxConnections, sourceRate, sourceBurst, captureBytes, sessionTimeout, queueCapacity);
    }

    public TripwireConfig withHostAddress(@Nullable InetAddress address) {
        return new TripwireConfig(ports, bind, address, maxConnections, sourceRate, sourceBurst, captureBytes, sessionTimeout, queueCapacity);
    }

    public TripwireConfig withMaxConnections(int n) {
        return new TripwireConfig(ports, bind, hostAddress, n, sourceRate, sourceBurst, captureBytes, sessionTimeout, queueCapacity);
    }

    public TripwireConfig withSourceRate(double perSecond, int burst) {
        return new TripwireConfig(ports, bind, hostAddress, maxConnections, perSecond, burst, captureBytes, sessionTimeout, queueCapacity);
    }

    public TripwireConfig withSessionTimeout(Duration timeout) {
        return new TripwireConfig(ports, bind, hostAddress, maxConnections, sourceRate, sourceBurst, captureBytes, timeout, queueCapacity);
    }

    public TripwireConfig withCaptureBytes(int bytes) {
        return new TripwireConfig(ports, bind, hostAddress, maxConnections, sourceRate, sourceBurst, bytes, sessionTimeout, queueCapacity);
    }

    public TripwireConfig withQueueCapacity(int capacity) {
        return new TripwireConfig(ports, bind, hostAddress, maxConnections, sourceRate, sourceBurst, captureBytes, sessionTimeout, capacity);
    }

    /** {@code 21,23,3389}. */
    public String portList() {
        return ports.keySet().stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** {@code 21=ftp,23=telnet,3389=none}. */
    public String bannerList() {
        return ports.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().label()).collect(Collectors.joining(","));
    }
}
