package dev.vantage.tripwire;

import dev.vantage.BadInputException;
import dev.vantage.store.decoy.DecoyEvent;
import dev.vantage.store.decoy.DecoyOutcome;
import dev.vantage.tripwire.parse.Printable;
import dev.vantage.tripwire.parse.TelnetText;
import dev.vantage.tripwire.record.EventSink;
import dev.vantage.tripwire.session.Conversation;
import dev.vantage.tripwire.session.FakeServices;
import dev.vantage.tripwire.session.PasswordHasher;
import dev.vantage.tripwire.session.SocketLink;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Listens on the decoy ports. One platform thread per port accepts; each connection within the
 * caps gets a virtual thread that runs the port's fake service under the time and size limits;
 * connections beyond the cap on concurrent sessions, or from a source over its rate, are closed
 * at once. Every accepted connection, served or not, becomes exactly one event for the sink.
 */
public final class DecoyServer implements AutoCloseable {
    private static final int BACKLOG = 1024;

    private record Listener(int port, Banner banner, ServerSocket socket) {}

    /** Who connected to what, taken at accept time (a closed socket forgets its local address). */
    private record Peer(InetAddress source, int sourcePort, InetAddress host, Instant when) {}

    /** Counters of the server side. */
    public record Counters(long accepted, long served, long overCapacity, long rateLimited, int open) {}

    private final TripwireConfig config;
    private final List<Listener> listeners;
    private final Semaphore slots;
    private final SourceRateLimiter limiter;
    private final LongAdder accepted = new LongAdder();
    private final LongAdder served = new LongAdder();
    private final LongAdder overCapacity = new LongAdder();
    private final LongAdder rateLimited = new LongAdder();
    private final AtomicInteger open = new AtomicInteger();
    private final Set<Socket> sessions = ConcurrentHashMap.newKeySet();
    private final List<Thread> acceptors = new ArrayList<>();
    private final ExecutorService sessionThreads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("decoy-session-", 0).factory());
    private volatile boolean closed;
    private @Nullable EventSink sink;
    private @Nullable PasswordHasher hasher;
    private @Nullable UUID runId;
    private Clock clock = Clock.systemUTC();

    private DecoyServer(TripwireConfig config, List<Listener> listeners) {
        this.config = config;
        this.listeners = listeners;
        this.slots = new Semaphore(config.maxConnections());
        this.limiter = new SourceRateLimiter(config.sourceRate(), config.sourceBurst(), 16_384);   // about 2 MB at most
    }

    /**
     * Binds every decoy port (nothing is accepted yet).
     *
     * @throws BadInputException with one sentence when a port cannot be bound: below 1024 without
     *                           the capability, in use, or an address that is not this host's
     */
    public static DecoyServer bind(TripwireConfig config) {
        List<Listener> bound = new ArrayList<>();
        try {
            for (Map.Entry<Integer, Banner> e : config.ports().entrySet()) {
                bound.add(new Listener(e.getKey(), e.getValue(), listen(config.bind(), e.getKey())));
            }
            return new DecoyServer(config, bound);
        } catch (RuntimeException e) {
            for (Listener l : bound) closeQuietly(l.socket());
            throw e;
        }
    }

    /** Starts accepting; events go to {@code sink}. */
    public synchronized void start(EventSink sink, PasswordHasher hasher, UUID runId, Clock clock) {
        if (this.sink != null) throw new IllegalStateException("already started");
        this.sink = sink;
        this.hasher = hasher;
        this.runId = runId;
        this.clock = clock;
        for (Listener l : listeners) {
            Thread t = Thread.ofPlatform().daemon(true).name("decoy-accept-" + l.port()).start(() -> acceptLoop(l));
            acceptors.add(t);
        }
    }

    /** The addresses actually listened on (port 0 is never used: each is a configured port). */
    public List<InetSocketAddress> localAddresses() {
        List<InetSocketAddress> out = new ArrayList<>();
        for (Listener l : listeners) out.add((InetSocketAddress) l.socket().getLocalSocketAddress());
        return out;
    }

    public Counters counters() {
        return new Counters(accepted.sum(), served.sum(), overCapacity.sum(), rateLimited.sum(), open.get());
    }

    /**
     * Stops accepting, ends open sessions (each still records what it got), and waits for them.
     * Afterwards no more events reach the sink.
     */
    @Override
    public void close() {
        closed = true;
        for (Listener l : listeners) closeQuietly(l.socket());
        for (Thread t : acceptors) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Socket s : sessions) closeQuietly(s);
        sessionThreads.shutdown();
        try {
            if (!sessionThreads.awaitTermination(10, TimeUnit.SECONDS)) sessionThreads.shutdownNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop(Listener l) {
        int failures = 0;
        while (!closed) {
            Socket s;
            try {
                s = l.socket().accept();
                failures = 0;
            } catch (IOException e) {
                if (closed) return;
                // Out of file descriptors or a transient network error: back off, bounded, and go on.
                sleep(Math.min(1000, 10L << Math.min(failures++, 7)));
                continue;
            }
            accepted.increment();
            Peer peer = new Peer(s.getInetAddress(), s.getPort(), config.hostAddress() != null ? config.hostAddress() : s.getLocalAddress(),
                    clock.instant());
            if (!limiter.tryAcquire(peer.source(), System.nanoTime())) {
                rateLimited.increment();
                refuse(s, l, DecoyOutcome.RATE_LIMITED, peer);
            } else if (!slots.tryAcquire()) {
                overCapacity.increment();
                refuse(s, l, DecoyOutcome.OVER_CAPACITY, peer);
            } else {
                try {
                    sessionThreads.execute(() -> serve(s, l, peer));
                    served.increment();
                } catch (RejectedExecutionException e) {     // closing
                    slots.release();
                    overCapacity.increment();
                    refuse(s, l, DecoyOutcome.OVER_CAPACITY, peer);
                }
            }
        }
    }

    private void refuse(Socket s, Listener l, DecoyOutcome outcome, Peer peer) {
        closeQuietly(s);
        emit(event(peer, l, outcome, null));
    }

    private void serve(Socket s, Listener l, Peer peer) {
        sessions.add(s);
        open.incrementAndGet();
        Conversation c = null;
        try {
            if (closed) return;
            s.setTcpNoDelay(true);
            c = new Conversation(new SocketLink(s), requireNonNull(hasher), config.captureBytes(), config.sessionTimeout().toMillis(),
                    System::nanoTime);
            FakeServices.forBanner(l.banner()).converse(c);
        } catch (IOException | RuntimeException e) {
            // The client reset or sent something no fake prompt expects: the event records what came.
        } finally {
            closeQuietly(s);
            sessions.remove(s);
            open.decrementAndGet();
            slots.release();
            emit(event(peer, l, DecoyOutcome.RECORDED, c));
        }
    }

    private void emit(DecoyEvent e) {
        EventSink target = sink;
        if (target != null) target.offer(e);
    }

    private DecoyEvent event(Peer peer, Listener l, DecoyOutcome outcome, @Nullable Conversation c) {
        byte[] transcript = c == null ? new byte[0] : c.transcript();
        byte[] forFirstLine = l.banner() == Banner.TELNET ? TelnetText.withoutCommands(transcript) : transcript;
        return new DecoyEvent(UUID.randomUUID(), requireNonNull(runId), peer.when(), Addresses.canonical(peer.source()), peer.sourcePort(),
                Addresses.canonical(peer.host()), l.port(), l.banner().label(), outcome, 1, c == null ? 0 : c.received(),
                transcript, Printable.firstLine(forFirstLine, 200), c == null ? List.of() : c.credentials());
    }

    private static ServerSocket listen(@Nullable InetAddress bind, int port) {
        ServerSocket ss = null;
        try {
            ss = new ServerSocket();
            ss.setReuseAddress(true);
            ss.bind(bind == null ? new InetSocketAddress(port) : new InetSocketAddress(bind, port), BACKLOG);
            return ss;
        } catch (IOException e) {
            if (ss != null) closeQuietly(ss);
            throw new BadInputException(explainBindFailure(bind, port, e));
        }
    }

    /** One sentence on why a port cannot be bound and what to do. */
    static String explainBindFailure(@Nullable InetAddress bind, int port, IOException e) {
        String reason = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        String where = bind == null ? "" : " on " + Addresses.canonical(bind);
        if (reason.contains("permission denied") || reason.contains("access denied")) {
            if (port < 1024) {
                return "Port " + port + " is below 1024, which takes privilege to bind: run the tripwire as an ordinary user that has the"
                        + " CAP_NET_BIND_SERVICE capability (systemd AmbientCapabilities=CAP_NET_BIND_SERVICE, as in"
                        + " packaging/vantage-tripwire.service, or setcap cap_net_bind_service=+ep on the java binary) rather than as root.";
            }
            return "Cannot listen on port " + port + where + ": permission denied; check the firewall or security policy.";
        }
        if (e instanceof BindException && reason.contains("in use")) {
            return "Port " + port + where + " is already in use; stop the program listening there or choose another decoy port.";
        }
        if (reason.contains("assign requested address") || reason.contains("not available")) {
            return "Cannot listen" + where + " (port " + port + "): that is not an address of this host; check --bind.";
        }
        return "Cannot listen on port " + port + where + ": " + e.getMessage() + ".";
    }

    private static <T> T requireNonNull(@Nullable T value) {
        if (value == null) throw new IllegalStateException("not started");
        return value;
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing a socket of a client that went away
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
