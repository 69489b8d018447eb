package dev.vantage.hostile;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP server on loopback that misbehaves in one particular way, for the hostile-server suite.
 * It is bounded in every direction, so a broken test cannot leave it running: it accepts at most
 * {@link #MAX_CONNECTIONS} connections, drops each after {@link #MAX_CONNECTION_TIME}, and
 * {@link #close()} ends the listener and every connection at once. Subclasses say what one
 * connection gets in {@link #serve}.
 */
public abstract class HostileServer implements AutoCloseable {
    static final int MAX_CONNECTIONS = 2_000;
    static final Duration MAX_CONNECTION_TIME = Duration.ofSeconds(150);

    private final ServerSocket listener;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile boolean closed;

    protected HostileServer(InetAddress address, int port, int backlog) throws IOException {
        listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(address, port), backlog);
    }

    protected HostileServer() throws IOException {
        this(InetAddress.getLoopbackAddress(), 0, 50);
    }

    /** Starts accepting; a server that never accepts (a stuck backlog) overrides this to do nothing. */
    public HostileServer start() {
        Thread.ofPlatform().daemon().name("hostile-accept-" + port()).start(this::acceptLoop);
        return this;
    }

    private void acceptLoop() {
        while (!closed && accepted.get() < MAX_CONNECTIONS) {
            Socket s;
            try {
                s = listener.accept();
            } catch (IOException e) {
                return;
            }
            accepted.incrementAndGet();
            open.add(s);
            Thread.ofVirtual().name("hostile-conn").start(() -> {
                try {
                    serve(s);
                } catch (IOException | InterruptedException e) {
                    // the scanner hung up, or the test closed us: either is the end of this connection
                } finally {
                    closeQuietly(s);
                    open.remove(s);
                }
            });
            Thread.ofVirtual().start(() -> {   // the hard cap on one connection's life
                try {
                    Thread.sleep(MAX_CONNECTION_TIME);
                } catch (InterruptedException ignored) {
                    // fall through and close
                }
                closeQuietly(s);
            });
        }
    }

    /** What one accepted connection gets; returns (or throws) when this connection is done. */
    protected abstract void serve(Socket s) throws IOException, InterruptedException;

    public int port() {
        return listener.getLocalPort();
    }

    public InetAddress address() {
        return listener.getInetAddress();
    }

    public int connectionsAccepted() {
        return accepted.get();
    }

    protected boolean isClosed() {
        return closed;
    }

    /** Writes {@code chunk} again and again until the peer goes away, the server closes or {@code maxBytes} are out. */
    protected final void repeat(OutputStream out, byte[] chunk, long maxBytes) throws IOException {
        for (long sent = 0; sent < maxBytes && !closed; sent += chunk.length) out.write(chunk);
        out.flush();
    }

    /** Holds the connection open without a word until the server closes or the connection's time is up. */
    protected final void holdSilently(Socket s) throws InterruptedException {
        long end = System.nanoTime() + MAX_CONNECTION_TIME.toNanos();
        while (!closed && !s.isClosed() && System.nanoTime() < end) Thread.sleep(100);
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        for (Socket s : open) closeQuietly(s);
    }

    static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing what we abandon
        }
    }
}
