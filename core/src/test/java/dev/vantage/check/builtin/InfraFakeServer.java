package dev.vantage.check.builtin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback server for check tests: every accepted connection is handed to the handler on its
 * own virtual thread. The handler plays the protocol; the socket is closed afterwards.
 */
final class InfraFakeServer implements AutoCloseable {
    interface Handler {
        void handle(InputStream in, OutputStream out) throws IOException;
    }

    private final ServerSocket server;
    final AtomicInteger connections = new AtomicInteger();

    InfraFakeServer(Handler handler) throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                Socket s;
                try {
                    s = server.accept();
                } catch (IOException e) {
                    return;
                }
                connections.incrementAndGet();
                Thread.ofVirtual().start(() -> {
                    try (s) {
                        s.setSoTimeout(5000);
                        handler.handle(s.getInputStream(), s.getOutputStream());
                        s.getOutputStream().flush();
                    } catch (IOException e) {
                        // the client hung up: normal for probes that read only what they need
                    }
                });
            }
        });
    }

    int port() {
        return server.getLocalPort();
    }

    /** Reads one CRLF- or LF-terminated line (without the terminator); null at end of stream. */
    static String readLine(InputStream in) throws IOException {
        StringBuilder s = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') s.append((char) b);
        }
        return b < 0 && s.isEmpty() ? null : s.toString();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
