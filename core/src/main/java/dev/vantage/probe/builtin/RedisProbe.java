package dev.vantage.probe.builtin;

import dev.vantage.probe.Connection;
import dev.vantage.probe.ProbeInfo;
import dev.vantage.probe.Service;
import dev.vantage.probe.ServiceProbe;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Redis: {@code INFO server} as a RESP array. An open server answers with a bulk string holding
 * {@code redis_version:7.0.15}; one with a password answers {@code -NOAUTH}; one in protected
 * mode answers {@code -DENIED}. nmap names the product {@code Redis key-value store}.
 */
public final class RedisProbe implements ServiceProbe {
    public static final String PRODUCT = "Redis key-value store";
    static final byte[] INFO_SERVER = "*2\r\n$4\r\nINFO\r\n$6\r\nserver\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern BULK = Pattern.compile("^\\$(\\d{1,7})\r\n");
    private static final Pattern FIELD = Pattern.compile("(?m)^(redis_version|redis_mode|os|server_name|valkey_version):([^\\r\\n]*)");

    @Override
    public ProbeInfo info() {
        return new ProbeInfo("redis", "redis", Set.of(6379, 6380), true);
    }

    @Override
    public Optional<Service> query(Connection c) throws IOException {
        c.write(INFO_SERVER);
        return parse(c.readAvailable(64 * 1024, DataProbes.firstReplyWait(this, c)));
    }

    /** Recognises a reply to {@code INFO server}; public for the corpus and fuzz tests. */
    public static Optional<Service> parse(byte[] reply) {
        String text = new String(reply, 0, Math.min(reply.length, 64 * 1024), StandardCharsets.ISO_8859_1);
        String firstLine = text.lines().findFirst().orElse("");
        if (firstLine.startsWith("-NOAUTH") || firstLine.startsWith("-ERR operation not permitted")) {
            return Optional.of(redis(null, firstLine).withDetail("auth", "required"));
        }
        if (firstLine.startsWith("-DENIED Redis is running in protected mode")) {
            return Optional.of(redis(null, firstLine).withDetail("protected_mode", "yes"));
        }
        if (firstLine.startsWith("-ERR unknown command") && firstLine.contains("'INFO'")) {
            return Optional.of(redis(null, firstLine).withDetail("info", "disabled"));
        }
        if (!BULK.matcher(text).find()) return Optional.empty();
        Matcher m = FIELD.matcher(text);
        java.util.Map<String, String> fields = new java.util.HashMap<>();
        while (m.find() && fields.size() < 8) fields.putIfAbsent(m.group(1), m.group(2).strip());
        String version = fields.get("redis_version");
        if (version == null || !version.matches("[\\w.-]{1,32}")) return Optional.empty();
        Service s = redis(version, "redis_version:" + version).withDetail("auth", "none");
        for (String key : new String[] {"redis_mode", "os", "server_name", "valkey_version"}) {
            String v = fields.get(key);
            if (v != null && !v.isEmpty()) s = s.withDetail(key, Connection.excerpt(v.getBytes(StandardCharsets.ISO_8859_1), 80));
        }
        return Optional.of(s);
    }

    private static Service redis(@Nullable String version, String banner) {
        return Service.of("redis", PRODUCT, version, Connection.excerpt(banner.getBytes(StandardCharsets.ISO_8859_1), 120));
    }
}
