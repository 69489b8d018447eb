package dev.vantage.probe.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vantage.probe.Connection;
import dev.vantage.probe.ProbeInfo;
import dev.vantage.probe.Service;
import dev.vantage.probe.ServiceProbe;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Elasticsearch (and OpenSearch) speak HTTP, so this probe must be tried before the generic
 * HTTP probe and claim a port only on Elasticsearch's own signature: the JSON banner of
 * {@code GET /} ({@code version.number} with the "You Know, for Search" tagline or a
 * {@code cluster_name}), or the security plugin's 401 ({@code security_exception} with
 * {@code WWW-Authenticate: Basic realm="security"}), or the {@code X-elastic-product} header.
 * nmap names it {@code Elasticsearch REST API}.
 */
public final class ElasticProbe implements ServiceProbe {
    public static final String PRODUCT = "Elasticsearch REST API";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STATUS = Pattern.compile("^HTTP/\\d(?:\\.\\d)? (\\d{3})");
    private static final Pattern ELASTIC_HEADER = Pattern.compile("(?im)^x-elastic-product:[ \\t]*Elasticsearch");
    private static final Pattern SECURITY_REALM = Pattern.compile("(?im)^www-authenticate:[^\\r\\n]*realm=\"security\"");

    /** An HTTP answer: status, header block and body. */
    public record HttpReply(int status, String head, String body) {}

    @Override
    public ProbeInfo info() {
        return new ProbeInfo("elasticsearch", "elasticsearch", Set.of(9200, 9201), true);
    }

    @Override
    public Optional<Service> query(Connection c) throws IOException {
        return get(c, "/", DataProbes.firstReplyWait(this, c)).flatMap(ElasticProbe::recognise);
    }

    /** Sends {@code GET path} (HTTP/1.0, so the answer is not chunked) and reads the answer, at most 256 KB. */
    public static Optional<HttpReply> get(Connection c, String path) throws IOException {
        return get(c, path, Duration.ofMillis(3000));
    }

    static Optional<HttpReply> get(Connection c, String path, Duration wait) throws IOException {
        String host = c.remote().getAddress().getHostAddress();
        if (host.indexOf(':') >= 0) host = "[" + host + "]";
        c.write(("GET " + path + " HTTP/1.0\r\nHost: " + host + ":" + c.remote().getPort()
                + "\r\nUser-Agent: vantage-check\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        return parseHttp(c.readAvailable(256 * 1024, wait));
    }

    public static Optional<HttpReply> parseHttp(byte[] reply) {
        String text = new String(reply, StandardCharsets.UTF_8);
        Matcher status = STATUS.matcher(text);
        if (!status.find()) return Optional.empty();
        int split = text.indexOf("\r\n\r\n");
        String head = split < 0 ? text : text.substring(0, split);
        String body = split < 0 ? "" : text.substring(split + 4);
        return Optional.of(new HttpReply(Integer.parseInt(status.group(1)), head, body));
    }

    /** Recognises Elasticsearch in an HTTP answer to {@code GET /}; public for the corpus tests. */
    public static Optional<Service> recognise(HttpReply r) {
        JsonNode json = json(r.body());
        if (json != null && json.path("version").path("number").isTextual()) {
            boolean opensearch = "opensearch".equals(json.path("version").path("distribution").asText());
            boolean elastic = json.path("tagline").asText().equals("You Know, for Search") || json.has("cluster_name");
            if (opensearch || elastic) {
                String version = json.path("version").path("number").asText();
                if (!version.matches("[\\w.+-]{1,40}")) version = null;
                Service s = Service.of("elasticsearch", opensearch ? "OpenSearch" : PRODUCT, version,
                        "HTTP " + r.status() + ", version.number " + version).withDetail("status", String.valueOf(r.status()));
                if (json.path("cluster_name").isTextual()) s = s.withDetail("cluster_name", clip(json.path("cluster_name").asText()));
                if (json.path("name").isTextual()) s = s.withDetail("node_name", clip(json.path("name").asText()));
                if (json.path("version").path("lucene_version").isTextual()) {
                    s = s.withDetail("lucene_version", clip(json.path("version").path("lucene_version").asText()));
                }
                return Optional.of(s.withDetail("auth", r.status() == 200 ? "none" : "unknown"));
            }
        }
        boolean securityError = json != null && json.path("error").path("type").asText().equals("security_exception");
        if ((r.status() == 401 && securityError && SECURITY_REALM.matcher(r.head()).find()) || ELASTIC_HEADER.matcher(r.head()).find()) {
            Service s = Service.of("elasticsearch", PRODUCT, null, "HTTP " + r.status() + (securityError ? " security_exception" : ""))
                    .withDetail("status", String.valueOf(r.status()));
            return Optional.of(s.withDetail("auth", r.status() == 401 ? "required" : "unknown"));
        }
        return Optional.empty();
    }

    static @Nullable JsonNode json(String body) {
        String b = body.strip();
        if (!b.startsWith("{") && !b.startsWith("[")) return null;
        try {
            return JSON.readTree(b);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String clip(String s) {
        return Connection.excerpt(s.getBytes(StandardCharsets.UTF_8), 80);
    }
}
