package dev.vantage.udp;

import dev.vantage.probe.Connection;
import dev.vantage.probe.Service;
import dev.vantage.scan.PortResult;
import dev.vantage.scan.PortState;
import dev.vantage.scan.Protocol;
import dev.vantage.target.Target;
import dev.vantage.udp.internal.DatagramRate;
import dev.vantage.udp.internal.PortProbeRun;
import org.jspecify.annotations.Nullable;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * The UDP scanner: for each port of each target, sends that port's protocol requests (or a bare
 * CR LF where no probe applies) from a connected channel, retransmits while nothing
 * comes back, and classifies:
 * <ul>
 *   <li>a reply → {@code open} ({@code udp-response}), the reply identified by the port's probe;</li>
 *   <li>ICMP port-unreachable → {@code closed} ({@code port-unreach});</li>
 *   <li>silence after every retry → {@code open|filtered} ({@code no-response});</li>
 *   <li>another ICMP error (host or network unreachable, prohibited) → {@code filtered}.</li>
 * </ul>
 * One virtual thread per port in flight, bounded per address ({@link UdpScanConfig#hostParallelism})
 * and, together with the datagram rate, per scanner: scans running at once on one instance (one
 * per host, say) share {@link UdpScanConfig#maxInFlight} and {@link UdpScanConfig#rate}. Ports are
 * visited port by port across the targets, so one host's ICMP rate limit is not spent in a burst.
 * Thread-safe.
 *
 * <pre>{@code
 * Map<Target, List<UdpPortResult>> r = new UdpScanner(UdpScanConfig.defaults()).scan(targets, UdpPorts.key());
 * }</pre>
 */
public final class UdpScanner {
    /** The {@link Service#details()} key every UDP-identified service carries, with {@link #UDP} as value. */
    public static final String TRANSPORT = "transport";
    public static final String UDP = "udp";

    /**
     * What ports without a probe get. nmap sends an empty datagram there, but the JDK's channels
     * silently skip a zero-length write, so we send the shortest neutral text: CR LF.
     */
    private static final byte[] NO_PAYLOAD = {'\r', '\n'};

    private final UdpScanConfig config;
    private final List<UdpProbe> probes;
    private final DatagramRate rate;
    private final Semaphore inFlight;

    public UdpScanner(UdpScanConfig config) {
        this(config, UdpProbeRegistry.all());
    }

    public UdpScanner(UdpScanConfig config, List<UdpProbe> probes) {
        this.config = config;
        this.probes = List.copyOf(probes);
        this.rate = new DatagramRate(config.rate());
        this.inFlight = new Semaphore(config.maxInFlight());
    }

    /** Scans every port of every target; blocks until done. Results in target order, ports ascending. */
    public Map<Target, List<UdpPortResult>> scan(List<Target> targets, int[] ports) {
        return scan(targets, ports, r -> { });
    }

    /**
     * As {@link #scan(List, int[])}, also handing each port's result to {@code each} as soon as it
     * is known (called from scanning threads, one call at a time).
     */
    public Map<Target, List<UdpPortResult>> scan(List<Target> targets, int[] ports, Consumer<UdpPortResult> each) {
        dev.vantage.target.TargetFence.check(targets);
        int[] sorted = Arrays.stream(ports).distinct().sorted().toArray();
        for (int p : sorted) if (p < 1 || p > 65535) throw new IllegalArgumentException("UDP port out of range: " + p);
        Run run = new Run(targets, sorted, each);
        List<Thread> threads = new ArrayList<>();
        try {
            for (int pi = 0; pi < sorted.length; pi++) {
                for (int ti = 0; ti < targets.size(); ti++) {
                    inFlight.acquire();
                    threads.add(run.start(ti, pi));
                    if (threads.size() > 4 * config.maxInFlight()) threads.removeIf(th -> !th.isAlive());
                }
            }
            for (Thread th : threads) th.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            threads.forEach(Thread::interrupt);
        }
        return run.results();
    }

    /** One scan's shared state: the limits, the pacing, and the results as they come in. */
    private final class Run {
        private final List<Target> targets;
        private final int[] ports;
        private final Consumer<UdpPortResult> each;
        private final UdpPortResult[][] results;
        private final Map<InetAddress, Semaphore> perHost = new HashMap<>();

        Run(List<Target> targets, int[] ports, Consumer<UdpPortResult> each) {
            this.targets = targets;
            this.ports = ports;
            this.each = each;
            this.results = new UdpPortResult[targets.size()][ports.length];
            for (Target t : targets) perHost.putIfAbsent(t.address(), new Semaphore(config.hostParallelism()));
        }

        /** Probes one port on a virtual thread of its own; the caller has taken an in-flight permit for it. */
        Thread start(int target, int port) {
            Semaphore host = perHost.get(targets.get(target).address());
            return Thread.ofVirtual().name("vantage-udp-" + ports[port]).start(() -> {
                try {
                    host.acquire();
                    try {
                        UdpPortResult r = probe(targets.get(target), ports[port]);
                        results[target][port] = r;
                        synchronized (this) {
                            each.accept(r);
                        }
                    } finally {
                        host.release();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    inFlight.release();
                }
            });
        }

        /** Read after every thread has been joined (which makes their writes visible). */
        Map<Target, List<UdpPortResult>> results() {
            Map<Target, List<UdpPortResult>> out = new LinkedHashMap<>();
            for (int t = 0; t < targets.size(); t++) {
                List<UdpPortResult> list = new ArrayList<>();
                for (UdpPortResult r : results[t]) if (r != null) list.add(r);
                out.put(targets.get(t), List.copyOf(list));
            }
            return out;
        }
    }

    /** Probes one port (blocking), within this scanner's datagram rate. */
    public UdpPortResult probe(Target target, int port) throws InterruptedException {
        UdpProbe probe = UdpProbeRegistry.forPort(probes, port);
        List<byte[]> requests = probe != null ? probe.requests() : List.of(NO_PAYLOAD.clone());
        PortProbeRun.Outcome o = new PortProbeRun(config, rate).run(new InetSocketAddress(target.address(), port), requests,
                probe != null && probe.answersFromAnotherPort());
        PortResult result = new PortResult(target, port, Protocol.UDP, o.state(), o.reason(), o.rttMicros(), o.attempts());
        Service service = o.state() == PortState.OPEN ? identify(probe, o.replies()) : null;
        return new UdpPortResult(result, service);
    }

    /** The port's own probe first, then any other that recognises the reply, else unknown. */
    private @Nullable Service identify(@Nullable UdpProbe own, List<byte[]> replies) {
        Optional<Service> found = safely(own, replies);
        for (int i = 0; found.isEmpty() && i < probes.size(); i++) {
            if (probes.get(i) != own) found = safely(probes.get(i), replies);
        }
        Service s = found.orElseGet(() -> Service.unknown(replies.get(0).length == 0 ? null : Connection.excerpt(replies.get(0), 120)));
        return s.withDetail(TRANSPORT, UDP);
    }

    /** A probe that throws on a hostile reply must not take the scan down with it. */
    private static Optional<Service> safely(@Nullable UdpProbe probe, List<byte[]> replies) {
        if (probe == null) return Optional.empty();
        try {
            return probe.identify(replies);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
