package dev.vantage.check.builtin;

import org.jspecify.annotations.Nullable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A scripted line server on loopback for the check tests: sends a greeting, then answers each
 * line it receives with what the script returns (raw text, CR LF included; null closes the
 * connection; "" answers nothing). Records every line received, on every connection, so tests can
 * prove what was (and was never) sent. A form feed in the greeting is a pause of
 * {@value #PAUSE_MILLIS} ms, longer than a test connection's read timeout (postscreen does that).
 */
final class MailFakeServer implements AutoCloseable {
    static final int PAUSE_MILLIS = 2500;
    private final ServerSocket server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<Integer> clientPorts = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();

    private MailFakeServer(String greeting, Function<String, @Nullable String> script) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    connections.incrementAndGet();
                    clientPorts.add(s.getPort());
                    Thread.ofVirtual().start(() -> serve(s, greeting, script));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    static MailFakeServer start(String greeting, Function<String, @Nullable String> script) throws IOException {
        return new MailFakeServer(greeting, script);
    }

    private void serve(Socket s, String greeting, Function<String, @Nullable String> script) {
        try (s) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            String[] parts = greeting.split("\f", -1);
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) sleep(PAUSE_MILLIS);
                out.write(parts[i].getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            String line;
            while ((line = in.readLine()) != null) {
                received.add(line);
                String answer = script.apply(line);
                if (answer == null) return;
                out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    int port() {
        return server.getLocalPort();
    }

    List<String> received() {
        return List.copyOf(received);
    }

    /** The client-side ports of the connections accepted so far, in order. */
    List<Integer> clientPorts() {
        return List.copyOf(clientPorts);
    }

    int connections() {
        return connections.get();
    }

    long count(String prefix) {
        return received.stream().filter(l -> l.toUpperCase(java.util.Locale.ROOT).startsWith(prefix)).count();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
