package dev.vantage.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/** TCP listeners on 127.0.0.1 that accept and hold connections: open ports for a check to find. */
final class Listeners implements AutoCloseable {
    private final List<ServerSocket> sockets = new ArrayList<>();

    int open() throws IOException {
        ServerSocket s = new ServerSocket();
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        sockets.add(s);
        Thread.ofVirtual().start(() -> {
            while (!s.isClosed()) {
                try (Socket c = s.accept()) {
                    c.setSoTimeout(2000);
                    c.getInputStream().read();   // hold the connection until the client goes
                } catch (IOException e) {
                    // closed or the client left
                }
            }
        });
        return s.getLocalPort();
    }

    /** A port with nothing listening (bound, then released). */
    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws IOException {
        for (ServerSocket s : sockets) s.close();
    }
}
