package dev.vantage.probe.builtin;

import dev.vantage.probe.Connection;
import dev.vantage.probe.ProbeInfo;
import dev.vantage.probe.Service;
import dev.vantage.probe.ServiceProbe;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * MongoDB: {@code isMaster} as OP_QUERY (the handshake every server version answers, with or
 * without authentication), then {@code buildInfo} — also allowed before login — for the version,
 * as OP_MSG when the server speaks it (wire version 6, MongoDB 3.6, and later).
 */
public final class MongoProbe implements ServiceProbe {
    public static final String PRODUCT = "MongoDB";

    @Override
    public ProbeInfo info() {
        return new ProbeInfo("mongodb", "mongodb", Set.of(27017, 27018, 27019), true);
    }

    @Override
    public Optional<Service> query(Connection c) throws IOException {
        Optional<Map<String, Object>> hello = MongoWire.call(c, MongoWire.opQuery(1, "admin", MongoWire.document("isMaster", 1)),
                DataProbes.firstReplyWait(this, c));
        if (hello.isEmpty() || !isHandshake(hello.get())) return Optional.empty();
        long wire = MongoWire.number(hello.get(), "maxWireVersion").orElse(0L);
        Map<String, Object> build = Map.of();
        try {
            byte[] ask = wire >= 6
                    ? MongoWire.opMsg(2, MongoWire.document("buildInfo", 1, "$db", "admin"))
                    : MongoWire.opQuery(2, "admin", MongoWire.document("buildInfo", 1));
            build = MongoWire.call(c, ask).orElse(Map.of());
        } catch (IOException e) {
            // the handshake already proved MongoDB; the version is a bonus
        }
        return Optional.of(service(hello.get(), build));
    }

    /** A handshake reply: {@code ismaster} (or {@code isWritablePrimary}) and {@code ok}. */
    static boolean isHandshake(Map<String, Object> doc) {
        return (doc.containsKey("ismaster") || doc.containsKey("isWritablePrimary")) && doc.containsKey("ok");
    }

    /** The service from the handshake and buildInfo replies; public for the corpus tests. */
    public static Service service(Map<String, Object> hello, Map<String, Object> build) {
        Object v = build.get("version");
        String version = v instanceof String s && s.matches("[\\w.+-]{1,40}") ? s : null;
        Service s = Service.of("mongodb", PRODUCT, version, version == null ? "isMaster answered" : "version " + version);
        Optional<Long> wire = MongoWire.number(hello, "maxWireVersion");
        if (wire.isPresent()) s = s.withDetail("max_wire_version", String.valueOf(wire.get()));
        if (hello.get("setName") instanceof String set) s = s.withDetail("replica_set", Connection.excerpt(set.getBytes(java.nio.charset.StandardCharsets.UTF_8), 60));
        return s;
    }
}
