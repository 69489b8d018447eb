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

/**
 * HTTP: a plain {@code GET /}; the status line proves HTTP, the Server header names the product.
 * Product names follow nmap's service database where it renames the header's token
 * ({@code Apache/2.4.62 (Debian)} is "Apache httpd" 2.4.62, {@code Microsoft-IIS/10.0} is
 * "Microsoft IIS httpd"); a parenthesised comment such as {@code (Debian)} is kept as the
 * {@code extrainfo} detail, as nmap shows it.
 */
public final class HttpProbe implements ServiceProbe {
    private static final Pattern STATUS = Pattern.compile("^HTTP/(\\d(?:\\.\\d)?) (\\d{3})");
    private static final Pattern SERVER = Pattern.compile("(?im)^Server:[ \\t]*([^\\r\\n]+)");
    private static final Pattern PRODUCT_VERSION = Pattern.compile("([A-Za-z][\\w.-]*?)/(\\d[\\w.]*)");
    private static final Pattern PARENTHESISED_VERSION = Pattern.compile("^([A-Za-z][\\w-]*)\\((\\d[\\w.-]*)\\)");
    private static final Pattern COMMENT = Pattern.compile("^\\S+ \\(([^)]{1,60})\\)");
    private static final java.util.Map<String, String> NMAP_NAMES = java.util.Map.of(
            "Apache", "Apache httpd",
            "Microsoft-IIS", "Microsoft IIS httpd",
            "Microsoft-HTTPAPI", "Microsoft HTTPAPI httpd",
            "openresty", "OpenResty web app server",
            "Caddy", "Caddy httpd",
            "LiteSpeed", "LiteSpeed httpd",
            "gunicorn", "Gunicorn",
            "Werkzeug", "Werkzeug httpd",
            "SimpleHTTP", "SimpleHTTPServer",
            "Apache-Coyote", "Apache Tomcat/Coyote JSP engine");

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
        String comment = null;
        Matcher server = SERVER.matcher(headOf(text));
        if (server.find()) {
            serverHeader = printable(server.group(1)).strip();
            Matcher pv = PRODUCT_VERSION.matcher(serverHeader);
            Matcher jetty = PARENTHESISED_VERSION.matcher(serverHeader);
            if (pv.lookingAt()) {
                product = pv.group(1);
                version = pv.group(2);
            } else if (jetty.lookingAt()) {
                product = jetty.group(1);
                version = jetty.group(2);
            } else {
                product = serverHeader.split("[\\s(/]")[0];
                if (!product.matches("[A-Za-z][\\w.-]{0,63}")) product = null;
            }
            if (product != null) product = NMAP_NAMES.getOrDefault(product, product);
            Matcher c = COMMENT.matcher(serverHeader);
            if (c.lookingAt()) comment = c.group(1);
        }
        Service s = Service.of("http", product == null || product.isEmpty() ? null : product, version,
                        Connection.excerpt(status.group(0).getBytes(StandardCharsets.ISO_8859_1), 80))
                .withDetail("status", status.group(2));
        if (serverHeader != null) s = s.withDetail("server", serverHeader);
        if (comment != null) s = s.withDetail("extrainfo", "(" + comment + ")");
        return Optional.of(s);
    }

    /** Control and non-ASCII characters replaced: a header ends up in terminals and reports. */
    private static String printable(String s) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), 200));
        for (int i = 0; i < s.length() && i < 200; i++) {
            char c = s.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return out.toString();
    }

    private static String headOf(String text) {
        int end = text.indexOf("\r\n\r\n");
        return end >= 0 ? text.substring(0, end) : text;
    }
}
