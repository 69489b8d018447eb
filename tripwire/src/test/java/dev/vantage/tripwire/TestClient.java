package dev.vantage.tripwire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A loopback client with bounded reads, for talking to decoy ports in tests. */
final class TestClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final ByteArrayOutputStream heard = new ByteArrayOutputStream();

    TestClient(int port) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        socket.setSoTimeout(200);
        in = socket.getInputStream();
    }

    /** Reads until {@code marker} has been heard (at most 5 s); returns everything heard so far. */
    String readUntil(String marker) throws IOException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        byte[] buf = new byte[1024];
        while (!heard().contains(marker)) {
            if (System.nanoTime() > deadline) throw new IOException("did not hear '" + marker + "' within 5 s; heard: " + heard());
            try {
                int n = in.read(buf);
                if (n < 0) throw new IOException("closed before '" + marker + "'; heard: " + heard());
                heard.write(buf, 0, n);
            } catch (SocketTimeoutException e) {
                // keep waiting until the deadline
            }
        }
        return heard();
    }

    /** Reads until the server closes the connection (at most 8 s). */
    String readToEnd() throws IOException {
        long deadline = System.nanoTime() + 8_000_000_000L;
        byte[] buf = new byte[1024];
        while (System.nanoTime() < deadline) {
            try {
                int n = in.read(buf);
                if (n < 0) return heard();
                heard.write(buf, 0, n);
            } catch (SocketTimeoutException e) {
                // keep waiting
            } catch (IOException e) {
                return heard();       // reset by the server: also an end
            }
        }
        throw new IOException("the server did not close within 8 s");
    }

    void send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    void send(String latin1) throws IOException {
        send(latin1.getBytes(StandardCharsets.ISO_8859_1));
    }

    int localPort() {
        return socket.getLocalPort();
    }

    String heard() {
        return heard.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** {@code n} distinct ports free on loopback right now (held together while chosen, so none repeats). */
    static int[] freePorts(int n) throws IOException {
        ServerSocket[] held = new ServerSocket[n];
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                held[i] = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                ports[i] = held[i].getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket s : held) if (s != null) s.close();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
