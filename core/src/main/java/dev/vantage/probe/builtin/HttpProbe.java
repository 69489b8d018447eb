package dev.vantage.probe.builtin;

import dev.vantage.probe.Connection;
import dev.vantage.probe.ProbeInfo;
import dev.vantage.probe.Service;
import dev.vantage.probe.ServiceProbe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HTTP: a plain {@code GET /}; the status line proves HTTP, the Server header names the product. */
public final class HttpProbe implements ServiceProbe {
    private static final Pattern STATUS = Pattern.compile("^HTTP/(\\d(?:\\.\\d)?) (\\d{3})");
    private static final Pattern SERVER = Pattern.compile("(?im)^Server:[ \\t]*([^\\r\\n]+)");
    private static final Pattern PRODUCT_VERSION = Pattern.compile("([A-Za-z][\\w.-]*?)/(\\d[\\w.]*)");

    @Override
    public ProbeInfo info() {
        return new ProbeInfo("http", "http", Set.of(80, 443, 3000, 5000, 8000, 8008, 8080, 8081, 8443, 8888, 9000, 9090), true);
    }

    @Override
    public Optional<Service> query(Connection c) throws IOException {
        String host = c.remote().getAddress().getHostAddress();
        if (host.indexOf(':') >= 0) host = "[" + host + "]";
        c.write(("GET / HTTP/1.0\r\nHost: " + host + "\r\nUser-Agent: vantage-check\r\nAccept: */*\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        byte[] reply = c.readAvailable(16 * 1024, Duration.ofSeconds(3));
        return parse(reply);
    }

    /** Recognises an HTTP response head; public for the fuzz and corpus tests. */
    public static Optional<Service> parse(byte[] reply) {
        String text = new String(reply, 0, Math.min(reply.length, 16 * 1024), StandardCharsets.ISO_8859_1);
        Matcher status = STATUS.matcher(text);
        if (!status.find()) return Optional.empty();
        String product = null;
        String version = null;
        String serverHeader = null;
        Matcher server = SERVER.matcher(headOf(text));
        if (server.find()) {
            serverHeader = server.group(1).strip();
            Matcher pv = PRODUCT_VERSION.matcher(serverHeader);
            if (pv.find()) {
                product = pv.group(1);
                version = pv.group(2);
            } else {
                product = serverHeader.split("[\\s(]")[0];
            }
        }
        Service s = Service.of("http", product, version, Connection.excerpt(status.group(0).getBytes(StandardCharsets.ISO_8859_1), 80))
                .withDetail("status", status.group(2));
        if (serverHeader != null) s = s.withDetail("server", serverHeader);
        return Optional.of(s);
    }

    private static String headOf(String text) {
        int end = text.indexOf("\r\n\r\n");
        return end >= 0 ? text.substring(0, end) : text;
    }
}
