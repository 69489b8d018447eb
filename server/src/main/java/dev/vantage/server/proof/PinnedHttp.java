package dev.vantage.server.proof;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * A minimal HTTP/1.1 client that talks to one address the caller has already checked against
 * the operator's ranges, with the customer's host name in the Host header (and in SNI and
 * certificate checks for https). A general client would resolve the name again and might reach
 * another address than the one that was checked (DNS rebinding). No redirects are followed;
 * the response is read up to a byte limit and a deadline.
 */
public final class PinnedHttp {
    /** A response: the status code and at most the first {@code maxBytes} of the body. */
    public record Response(int status, String body) {}

    private final Duration timeout;
    private final int maxBytes;

    public PinnedHttp(Duration timeout, int maxBytes) {
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    public Response get(boolean tls, String host, InetAddress address, int port, String path) throws IOException {
        return exchange(tls, host, address, port, "GET", path, null, null);
    }

    public Response post(boolean tls, String host, InetAddress address, int port, String path, String contentType,
                         byte[] body) throws IOException {
        return exchange(tls, host, address, port, "POST", path, contentType, body);
    }

    private Response exchange(boolean tls, String host, InetAddress address, int port, String method, String path,
                              String contentType, byte[] body) throws IOException {
        if (!path.startsWith("/") || path.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) throw new IOException("bad path");
        if (host.chars().anyMatch(c -> c <= 0x20 || c > 0x7e)) throw new IOException("bad host");
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(address, port), (int) timeout.toMillis());
            plain.setSoTimeout((int) timeout.toMillis());
            Socket s = tls ? wrap(plain, host, port) : plain;
            try {
                StringBuilder head = new StringBuilder();
                String hostHeader = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
                if (port != (tls ? 443 : 80)) hostHeader += ":" + port;
                head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                        .append("Host: ").append(hostHeader).append("\r\n")
                        .append("User-Agent: vantage-service\r\n")
                        .append("Accept: */*\r\n")
                        .append("Connection: close\r\n");
                if (body != null) {
                    head.append("Content-Type: ").append(contentType).append("\r\n")
                            .append("Content-Length: ").append(body.length).append("\r\n");
                }
                head.append("\r\n");
                OutputStream out = s.getOutputStream();
                out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
                if (body != null) out.write(body);
                out.flush();
                return parse(readBounded(s.getInputStream(), deadline));
            } finally {
                if (s != plain) s.close();
            }
        }
    }

    private Socket wrap(Socket plain, String host, int port) throws IOException {
        SSLSocket s = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(plain, host, port, true);
        SSLParameters p = s.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS");
        if (!HostNames.isAddressLiteral(host)) p.setServerNames(List.of(new SNIHostName(host)));
        s.setSSLParameters(p);
        s.startHandshake();
        return s;
    }

    private byte[] readBounded(InputStream in, long deadline) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        int limit = maxBytes + 8192;   // the head plus the body we keep
        while (buf.size() < limit) {
            if (System.nanoTime() > deadline) break;
            int n = in.read(chunk, 0, Math.min(chunk.length, limit - buf.size()));
            if (n < 0) break;
            buf.write(chunk, 0, n);
        }
        return buf.toByteArray();
    }

    /** Parses a raw HTTP/1.x response; chunked bodies are decoded, anything odd is a status of 0. */
    static Response parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0 || !text.startsWith("HTTP/1.")) return new Response(0, "");
        String[] lines = text.substring(0, end).split("\r\n");
        String[] status = lines[0].split(" ", 3);
        int code;
        try {
            code = status.length >= 2 ? Integer.parseInt(status[1]) : 0;
        } catch (NumberFormatException e) {
            return new Response(0, "");
        }
        boolean chunked = false;
        for (int i = 1; i < lines.length; i++) {
            String l = lines[i].toLowerCase(java.util.Locale.ROOT);
            if (l.startsWith("transfer-encoding:") && l.contains("chunked")) chunked = true;
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if (chunked) body = dechunk(body);
        return new Response(code, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        for (int guard = 0; guard < 10_000 && i < b.length; guard++) {
            int lineEnd = indexOfCrLf(b, i);
            if (lineEnd < 0) break;
            String size = new String(b, i, lineEnd - i, StandardCharsets.US_ASCII).split(";", 2)[0].strip();
            int n;
            try {
                n = Integer.parseInt(size, 16);
            } catch (NumberFormatException e) {
                break;
            }
            if (n <= 0) break;
            int from = lineEnd + 2;
            int to = Math.min(b.length, from + n);
            out.write(b, from, to - from);
            i = to + 2;
        }
        return out.toByteArray();
    }

    private static int indexOfCrLf(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) if (b[i] == '\r' && b[i + 1] == '\n') return i;
        return -1;
    }
}
