package dev.vantage.check.builtin;

import dev.vantage.check.CheckContext;
import dev.vantage.probe.Connection;
import org.jspecify.annotations.Nullable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Sends one HTTP/1.1 request per connection ({@code Connection: close}) and reads the response
 * until the server closes or {@link #MAX_RESPONSE} bytes. Over TLS with SNI when the target has
 * a host name, and with that name in the Host header, so name-based virtual hosts answer as
 * they do for browsers.
 */
final class HttpRequests {
    static final int MAX_RESPONSE = 128 * 1024;
    static final String USER_AGENT = "vantage-check";

    private HttpRequests() {}

    static HttpResponse get(CheckContext ctx, String path) throws IOException {
        return send(ctx, "GET", path, Map.of());
    }

    static HttpResponse send(CheckContext ctx, String method, String path, Map<String, String> extraHeaders) throws IOException {
        StringBuilder req = new StringBuilder();
        req.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        req.append("Host: ").append(hostHeader(ctx)).append("\r\n");
        req.append("User-Agent: ").append(USER_AGENT).append("\r\n");
        req.append("Accept: */*\r\n");
        extraHeaders.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
        req.append("Connection: close\r\n\r\n");
        try (Connection c = open(ctx)) {
            c.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
            byte[] raw = readAll(c);
            return HttpResponse.parse(raw).orElseThrow(() -> new IOException("no HTTP response to " + method + " " + path));
        }
    }

    private static Connection open(CheckContext ctx) throws IOException {
        if (!ctx.service().tls()) return ctx.connectPlain();
        Connection plain = ctx.connectPlain();
        try {
            return plain.startTls(TlsEndpoint.hostName(ctx.target()));
        } catch (IOException e) {
            plain.close();
            throw e;
        }
    }

    private static byte[] readAll(Connection c) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 1024 && out.size() < MAX_RESPONSE; i++) {
            byte[] chunk;
            try {
                chunk = c.readAvailable(MAX_RESPONSE - out.size(), Duration.ofSeconds(3));
            } catch (IOException e) {
                if (out.size() > 0) break;   // an abrupt end after the response (TLS without close_notify) is still a response
                throw e;
            }
            if (chunk.length == 0) break;
            out.writeBytes(chunk);
        }
        return out.toByteArray();
    }

    /** The Host header: the target's name (or address) and the port unless it is the scheme's default. */
    static String hostHeader(CheckContext ctx) {
        @Nullable String name = TlsEndpoint.hostName(ctx.target());
        String host = name != null ? name : ctx.target().addressText();
        if (host.indexOf(':') >= 0) host = "[" + host + "]";
        boolean defaultPort = ctx.service().tls() ? ctx.port() == 443 : ctx.port() == 80;
        return defaultPort ? host : host + ":" + ctx.port();
    }
}
