package dev.vantage.probe;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What identification costs on a port that hints nothing: a service that answers no probe, and a
 * text (HTTP) service that waits in silence for the line end binary probes never send. One probe
 * at a time these took 12 s (the whole port budget) and 5 s.
 */
class ServiceIdentifierTimeTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();

    /** Accepts connections and hands each to {@code talk} on a virtual thread; counts them. */
    private static final class Server implements AutoCloseable {
        interface Talk {
            void on(Socket s) throws IOException;
        }

        final ServerSocket socket;
        final AtomicInteger connections = new AtomicInteger();
        private final List<Socket> open = new ArrayList<>();

        Server(Talk talk) throws IOException {
            socket = new ServerSocket(0, 64, LO);
            Thread.ofVirtual().start(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket s = socket.accept();
                        connections.incrementAndGet();
                        synchronized (open) {
                            open.add(s);
                        }
                        Thread.ofVirtual().start(() -> {
                            try (s) {
                                talk.on(s);
                            } catch (IOException ignored) {
                                // the scanner hung up
                            }
                        });
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            synchronized (open) {
                for (Socket s : open) s.close();
            }
        }
    }

    /** Reads until a line end (or 10 s), then answers as a small HTTP server does. */
    private static void httpAfterLineEnd(Socket s) throws IOException {
        s.setSoTimeout(10_000);
        InputStream in = s.getInputStream();
        int b;
        try {
            while ((b = in.read()) >= 0 && b != '\n') {
                // a request line, or binary bytes that never end one
            }
        } catch (SocketTimeoutException e) {
            return;
        }
        if (b < 0) return;
        s.getOutputStream().write("HTTP/1.0 200 OK\r\nServer: tiny/1.0\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    @Test
    void aSilentServiceCostsAFractionOfThePortBudget() throws IOException {
        try (Server server = new Server(s -> {
            s.setSoTimeout(15_000);
            while (s.getInputStream().read() >= 0) { /* listens, never answers */ }
        })) {
            ServiceIdentifier id = new ServiceIdentifier(ProbeRegistry.builtins(), IdentifyConfig.defaults());
            long start = System.nanoTime();
            Service s = id.identify(new InetSocketAddress(LO, server.port()));
            long ms = millis(start);
            assertEquals("unknown", s.name());
            assertTrue(ms < 8_000, "a silent service took " + ms + " ms (budget " + IdentifyConfig.defaults().portBudget() + ")");
        }
    }

    @Test
    void aTextServiceOnAnUnusualPortIsNamedWithoutWaitingOutEveryBinaryProbe() throws IOException {
        try (Server server = new Server(ServiceIdentifierTimeTest::httpAfterLineEnd)) {
            ServiceIdentifier id = new ServiceIdentifier(ProbeRegistry.builtins(), IdentifyConfig.defaults());
            long start = System.nanoTime();
            Service s = id.identify(new InetSocketAddress(LO, server.port()));
            long ms = millis(start);
            assertEquals("http", s.name(), s.toString());
            assertEquals("tiny 1.0", s.describe());
            assertTrue(ms < 2_500, "HTTP on an unusual port took " + ms + " ms");
        }
    }
}
