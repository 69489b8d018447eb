package dev.vantage.probe;

import org.jspecify.annotations.Nullable;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A TCP (or TLS) conversation with a service we do not trust, bounded three ways: every read
 * waits at most the read timeout, the whole conversation ends at its deadline, and it reads at
 * most {@code maxBytes} in total. A server that stalls, trickles or floods costs us a known,
 * small amount of time and memory and surfaces as an {@link IOException}.
 *
 * <p>The read timeout alone cannot hold a TLS layer to the deadline: the JDK's handshake reads
 * record by record, each read with a fresh timeout, so a server that trickles one byte a second
 * would keep it going for minutes. A watchdog therefore closes the underlying socket shortly after
 * the deadline, whatever is blocked on it.
 *
 * <p>Not thread-safe: one conversation, one thread (probes and checks run on virtual threads).
 */
public final class Connection implements Closeable {
    /** Default limits: a probe or check conversation is short. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(3);
    public static final int MAX_BYTES = 256 * 1024;
    /** How long past its deadline a conversation may block before the watchdog cuts it off. */
    private static final long WATCHDOG_GRACE_MILLIS = 250;
    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

    private final Socket socket;
    private final InetSocketAddress remote;
    private final long deadlineNanos;
    private final long readTimeoutMillis;
    private final int maxBytes;
    private final InputStream in;
    private final OutputStream out;
    private final ScheduledFuture<?> cutOff;
    private int bytesRead;

    private Connection(Socket socket, Socket raw, InetSocketAddress remote, long deadlineNanos, long readTimeoutMillis,
                       int maxBytes) throws IOException {
        this.socket = socket;
        this.cutOff = WATCHDOG.schedule(() -> closeQuietly(raw),
                Math.max(0, deadlineNanos - System.nanoTime()) + TimeUnit.MILLISECONDS.toNanos(WATCHDOG_GRACE_MILLIS),
                TimeUnit.NANOSECONDS);
        this.remote = remote;
        this.deadlineNanos = deadlineNanos;
        this.readTimeoutMillis = readTimeoutMillis;
        this.maxBytes = maxBytes;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connects within the connect timeout; the conversation must end within {@code budget}. */
    public static Connection open(InetSocketAddress remote, Duration connectTimeout, Duration readTimeout, Duration budget)
            throws IOException {
        long deadline = System.nanoTime() + budget.toNanos();
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(remote, (int) Math.max(1, Math.min(connectTimeout.toMillis(), budget.toMillis())));
            s.setSoLinger(true, 0);
            return new Connection(s, s, remote, deadline, Math.max(1, readTimeout.toMillis()), MAX_BYTES);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    public InetSocketAddress remote() {
        return remote;
    }

    public boolean isTls() {
        return socket instanceof SSLSocket;
    }

    /** The TLS session, when this connection is encrypted. */
    public @Nullable SSLSession tlsSession() {
        return socket instanceof SSLSocket ssl ? ssl.getSession() : null;
    }

    /** Nanoseconds left of this conversation's budget. */
    public long remainingNanos() {
        return deadlineNanos - System.nanoTime();
    }

    private void arm(long waitMillis) throws IOException {
        long left = remainingNanos() / 1_000_000;
        if (left <= 0) throw new SocketTimeoutException("time budget for " + remote + " used up");
        socket.setSoTimeout((int) Math.max(1, Math.min(Math.min(waitMillis, readTimeoutMillis), left)));
    }

    private void count(int n) throws IOException {
        bytesRead += n;
        if (bytesRead > maxBytes) throw new IOException("the service sent more than " + maxBytes + " bytes");
    }

    /**
     * Reads what the service sends within {@code wait}: returns as soon as some bytes arrived and
     * nothing more came for a short quiet spell (so a multi-packet greeting is read whole), up to
     * {@code max} bytes. Empty if nothing came; never throws on a mere timeout.
     */
    public byte[] readAvailable(int max, Duration wait) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[Math.min(max, 8192)];
        long end = System.nanoTime() + wait.toNanos();
        while (got.size() < max) {
            long left = (end - System.nanoTime()) / 1_000_000;
            if (left <= 0 || remainingNanos() <= 0) break;
            try {
                arm(got.size() == 0 ? left : Math.min(left, 150));
                int n = in.read(buf, 0, Math.min(buf.length, max - got.size()));
                if (n < 0) break;
                count(n);
                got.write(buf, 0, n);
            } catch (SocketTimeoutException e) {
                break;
            }
        }
        return got.toByteArray();
    }

    /** Reads one line (without CR LF), at most {@code maxLength} bytes; null at end of stream. */
    public @Nullable String readLine(int maxLength) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            arm(readTimeoutMillis);
            int b = in.read();
            if (b < 0) return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            count(1);
            if (b == '\n') break;
            if (line.size() >= maxLength) throw new IOException("a line longer than " + maxLength + " bytes");
            line.write(b);
        }
        String s = line.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    /** Reads exactly {@code n} bytes (n ≤ the byte budget). */
    public byte[] readExactly(int n) throws IOException {
        if (n < 0 || n > maxBytes) throw new IOException("refusing to read " + n + " bytes");
        byte[] b = new byte[n];
        int off = 0;
        while (off < n) {
            arm(readTimeoutMillis);
            int r = in.read(b, off, n - off);
            if (r < 0) throw new IOException("the service closed the connection mid-reply");
            count(r);
            off += r;
        }
        return b;
    }

    public void write(byte[] data) throws IOException {
        if (remainingNanos() <= 0) throw new SocketTimeoutException("time budget for " + remote + " used up");
        out.write(data);
        out.flush();
    }

    /** Writes a line followed by CR LF, in ASCII. */
    public void writeLine(String line) throws IOException {
        write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Continues this conversation inside TLS (for STARTTLS, or a port that speaks TLS at once).
     * The certificate is not validated here — we inspect it, we do not trust it; checks judge it.
     */
    public Connection startTls(@Nullable String serverName) throws IOException {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new InspectingTrustManager()}, null);
            SSLSocket ssl = (SSLSocket) ctx.getSocketFactory().createSocket(socket, serverName != null ? serverName
                    : remote.getAddress().getHostAddress(), remote.getPort(), true);
            arm(readTimeoutMillis);
            Connection inner = new Connection(ssl, socket, remote, deadlineNanos, readTimeoutMillis, maxBytes);
            try {
                ssl.startHandshake();
            } catch (IOException | RuntimeException e) {
                inner.close();
                throw e;
            }
            return inner;
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS is unavailable in this JVM", e);
        }
    }

    @Override
    public void close() {
        cutOff.cancel(false);
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing to do about a failed close of a socket we are abandoning
        }
    }

    private static ScheduledThreadPoolExecutor watchdog() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().daemon().name("connection-watchdog").factory());
        timer.setRemoveOnCancelPolicy(true);   // most conversations end in time: drop their cut-offs at once
        return timer;
    }

    /** Accepts any certificate: the scanner records what it sees and judges it in a check. */
    private static final class InspectingTrustManager implements X509TrustManager {
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType) { }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType) { }
        @Override public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
    }

    /** Printable excerpt of raw bytes for evidence: control characters escaped, at most {@code max} chars. */
    public static String excerpt(byte[] data, int max) {
        StringBuilder s = new StringBuilder();
        for (byte value : data) {
            if (s.length() >= max) {
                s.append('…');
                break;
            }
            int c = value & 0xff;
            if (c == '\r') continue;
            if (c == '\n') s.append("\\n");
            else if (c >= 0x20 && c < 0x7f) s.append((char) c);
            else s.append(String.format("\\x%02x", c));
        }
        String text = s.toString();
        return text.endsWith("\\n") ? text.substring(0, text.length() - 2) : text;
    }
}
