package dev.vantage.probe;

import dev.vantage.internal.Trace;
import dev.vantage.probe.builtin.TlsProbe;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Finds out what answers on one open TCP port:
 * <ol>
 *   <li>connect and read what the service says unprompted (bounded in size and time);</li>
 *   <li>if it spoke, ask each probe's {@link ServiceProbe#fromGreeting} — port-likely ones first;</li>
 *   <li>if it kept quiet, run the probes' {@link ServiceProbe#query} on fresh connections, likely
 *       ones first, until one recognises it. The port's likely probes go alone, one after the
 *       other (they are nearly always right, and the service's log sees one request); the rest
 *       up to {@value #PROBES_AT_ONCE} at a time, each on its own connection. Answers are taken in
 *       probe order, so running probes side by side changes how long it takes, never which probe
 *       names the service;</li>
 *   <li>if a TLS handshake succeeds, do all of this again inside TLS.</li>
 * </ol>
 * Never throws: a port that cannot be identified is {@code unknown}, with what it said as evidence.
 * Thread-safe; call it from one virtual thread per port.
 */
public final class ServiceIdentifier {
    private static final int GREETING_MAX = 4096;
    /**
     * Query probes in flight on one port. One at a time, a service that answers none of them (or
     * waits for a line end our binary requests never send) cost the sum of every probe's wait,
     * 12 s for a silent port; four at a time cost about a quarter of it, and four connections
     * are fewer than a browser opens to one server.
     */
    static final int PROBES_AT_ONCE = 4;
    private final List<ServiceProbe> probes;
    private final IdentifyConfig config;

    public ServiceIdentifier(List<ServiceProbe> probes, IdentifyConfig config) {
        this.probes = List.copyOf(probes);
        this.config = config;
    }

    public Service identify(InetSocketAddress address) {
        return identify(address, false);
    }

    /**
     * @param greetingOnly read what the service says unprompted and send no probe of our own
     *                     (the quick level: it names servers that greet, and leaves the rest unknown)
     */
    public Service identify(InetSocketAddress address, boolean greetingOnly) {
        long deadline = System.nanoTime() + config.portBudget().toNanos();
        try {
            return identify(address, false, greetingOnly, deadline);
        } catch (IOException e) {
            return Service.unknown(null).withDetail("error", String.valueOf(e.getMessage()));
        }
    }

    private Service identify(InetSocketAddress address, boolean tls, boolean greetingOnly, long deadline) throws IOException {
        List<ServiceProbe> ordered = ordered(address.getPort());
        byte[] greeting;
        long t = Trace.start();
        try (Connection c = connect(address, tls, deadline)) {
            greeting = c.readAvailable(GREETING_MAX, expectsGreeting(address.getPort(), tls)
                    ? config.greetingWait() : config.shortGreetingWait());
        }
        Trace.done(t, "identify " + where(address, tls) + " greeting " + greeting.length + " bytes");
        if (greeting.length > 0) {
            for (ServiceProbe p : ordered) {
                Optional<Service> s = safely(() -> p.fromGreeting(greeting));
                if (s.isPresent()) return tls ? s.get().withTls() : s.get();
            }
            return withTls(Service.unknown(Connection.excerpt(greeting, 120)), tls);
        }
        if (greetingOnly) return withTls(Service.unknown(null), tls);
        List<ServiceProbe> queries = ordered.stream()
                .filter(p -> p.info().queries() && !(tls && p.info().id().equals(TlsProbe.ID))).toList();
        int port = address.getPort();
        long likely = queries.stream().filter(p -> p.info().likelyPorts().contains(port)).count();
        List<FutureTask<Optional<Service>>> running = new ArrayList<>();
        try {
            for (int i = 0; i < queries.size(); i++) {
                int width = i < likely ? 1 : PROBES_AT_ONCE;
                while (running.size() < queries.size() && running.size() < i + width) {
                    if (System.nanoTime() >= deadline) break;
                    running.add(start(queries.get(running.size()), address, tls, deadline));
                }
                if (i >= running.size()) break;                          // the budget ran out before this probe started
                Optional<Service> found = outcome(running.get(i), deadline);
                if (found.isEmpty()) continue;
                Service s = found.get();
                if (!tls && queries.get(i).info().id().equals(TlsProbe.ID)) {
                    cancel(running);
                    Service inner = identify(address, true, false, deadline);
                    return inner.name().equals("unknown") ? mergeTls(s, inner) : inner.withTls();
                }
                return withTls(s, tls);
            }
        } finally {
            cancel(running);
        }
        return withTls(Service.unknown(null), tls);
    }

    /** Runs one query probe on a fresh connection of its own, on a virtual thread. */
    private FutureTask<Optional<Service>> start(ServiceProbe p, InetSocketAddress address, boolean tls, long deadline) {
        FutureTask<Optional<Service>> task = new FutureTask<>(() -> {
            long q = Trace.start();
            Optional<Service> found;
            try (Connection c = connect(address, tls, deadline)) {
                found = p.query(c);
            } catch (IOException | RuntimeException e) {
                Trace.done(q, "identify " + where(address, tls) + " probe " + p.info().id() + " failed: " + e.getMessage());
                return Optional.empty();   // this probe's conversation failed (or it choked on the reply); the next may still succeed
            }
            Trace.done(q, "identify " + where(address, tls) + " probe " + p.info().id()
                    + (found.isPresent() ? " -> " + found.get().describe() : " no match"));
            return found;
        });
        Thread.ofVirtual().name("vantage-probe-" + p.info().id()).start(task);
        return task;
    }

    /** What one probe found; empty when it failed or outlived the port's budget (its connection is bounded by it too). */
    private static Optional<Service> outcome(FutureTask<Optional<Service>> task, long deadline) {
        try {
            return task.get(Math.max(0, deadline - System.nanoTime()) + TimeUnit.SECONDS.toNanos(1), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException | CancellationException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Stops the probes still talking: an interrupt closes a virtual thread's blocked socket. */
    private static void cancel(List<FutureTask<Optional<Service>>> running) {
        for (FutureTask<Optional<Service>> t : running) t.cancel(true);
    }

    private static String where(InetSocketAddress address, boolean tls) {
        return address.getAddress().getHostAddress() + ":" + address.getPort() + (tls ? "/tls" : "");
    }

    /**
     * Whether a protocol that speaks first (a greeting-only probe) usually lives on this port, in
     * the clear or inside TLS alike: IMAPS, POP3S and SMTPS have ports of their own (993, 995,
     * 465) where the long wait applies; elsewhere, HTTPS above all, a long wait inside TLS was 2 s
     * lost on every port, and servers that greet do so at once after the handshake.
     */
    private boolean expectsGreeting(int port, boolean tls) {
        return probes.stream().anyMatch(p -> !p.info().queries() && p.info().likelyPorts().contains(port));
    }

    private static Service mergeTls(Service tlsOnly, Service inner) {
        return new Service("tls", null, null, true, inner.banner(), tlsOnly.details());
    }

    private static Service withTls(Service s, boolean tls) {
        return tls ? s.withTls() : s;
    }

    private Connection connect(InetSocketAddress address, boolean tls, long deadline) throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0) throw new IOException("identification budget used up");
        Connection c = Connection.open(address, Duration.ofSeconds(3), config.readTimeout(), Duration.ofNanos(left));
        if (!tls) return c;
        try {
            return c.startTls(null);
        } catch (IOException e) {
            c.close();
            throw e;
        }
    }

    private List<ServiceProbe> ordered(int port) {
        List<ServiceProbe> list = new ArrayList<>(probes);
        list.sort(Comparator.comparingInt(p -> p.info().likelyPorts().contains(port) ? 0 : 1));   // stable: registry order otherwise
        return list;
    }

    private interface ProbeCall {
        Optional<Service> call();
    }

    /** A probe that throws on a hostile greeting must not take identification down with it. */
    private static Optional<Service> safely(ProbeCall call) {
        try {
            return call.call();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** For tests: the greeting-only path on given bytes. */
    public @Nullable Service fromGreeting(int port, byte[] greeting) {
        for (ServiceProbe p : ordered(port)) {
            Optional<Service> s = safely(() -> p.fromGreeting(greeting));
            if (s.isPresent()) return s.get();
        }
        return null;
    }
}
