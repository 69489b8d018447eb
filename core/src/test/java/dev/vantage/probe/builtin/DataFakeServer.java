package dev.vantage.probe.builtin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted binary server on loopback for the data group's tests: each accepted connection runs
 * the conversation on its own virtual thread. Like the real services it imitates, a conversation
 * should hang up on bytes it does not understand, so probes for other protocols fail fast.
 */
public final class DataFakeServer implements AutoCloseable {
    /** One connection's script. */
    public interface Conversation {
        void run(Peer peer) throws IOException;
    }

    /** The client end as the script sees it. */
    public static final class Peer {
        private final InputStream in;
        private final OutputStream out;

        Peer(Socket s) throws IOException {
            this.in = s.getInputStream();
            this.out = s.getOutputStream();
        }

        /** Exactly n bytes, or fewer if the client stops sending for a second or closes. */
        public byte[] read(int n) throws IOException {
            byte[] b = new byte[n];
            int off = 0;
            try {
                while (off < n) {
                    int r = in.read(b, off, n - off);
                    if (r < 0) break;
                    off += r;
                }
            } catch (SocketTimeoutException e) {
                // a short read: the caller sees fewer bytes
            }
            return Arrays.copyOf(b, off);
        }

        /** Bytes up to and including the first occurrence of {@code end} (at most 64 KB). */
        public String readUntil(String end) throws IOException {
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            try {
                while (got.size() < 65536) {
                    int c = in.read();
                    if (c < 0) break;
                    got.write(c);
                    if (got.toString(StandardCharsets.ISO_8859_1).endsWith(end)) break;
                }
            } catch (SocketTimeoutException e) {
                // what came so far
            }
            return got.toString(StandardCharsets.ISO_8859_1);
        }

        public void write(byte[] data) throws IOException {
            out.write(data);
            out.flush();
        }

        public void write(String text) throws IOException {
            write(text.getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    private final ServerSocket server;
    private final AtomicInteger connections = new AtomicInteger();

    private DataFakeServer(Conversation conversation) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    connections.incrementAndGet();
                    Thread.ofVirtual().start(() -> {
                        try (s) {
                            s.setSoTimeout(1000);
                            conversation.run(new Peer(s));
                        } catch (IOException e) {
                            // the client went away
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    public static DataFakeServer start(Conversation conversation) throws IOException {
        return new DataFakeServer(conversation);
    }

    public int port() {
        return server.getLocalPort();
    }

    public int connections() {
        return connections.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /** A corpus file's bytes. */
    public static byte[] corpus(String path) {
        try (InputStream in = DataFakeServer.class.getResourceAsStream("/corpus/" + path)) {
            if (in == null) throw new IllegalArgumentException("no corpus file " + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The NetBIOS session framing of an SMB message. */
    public static byte[] framed(byte[] smb) {
        return SmbWire.frame(smb);
    }
}
