package dev.vantage.check.builtin;

import dev.vantage.check.Check;
import dev.vantage.check.CheckContext;
import dev.vantage.check.CheckInfo;
import dev.vantage.check.Finding;
import dev.vantage.probe.Connection;
import dev.vantage.probe.builtin.MongoWire;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Does MongoDB list its databases to a stranger? {@code listDatabases} (names only) answered
 * with {@code ok: 1} means no authorisation is enforced; a server with authorisation answers
 * "requires authentication" (code 13). Read-only.
 */
public final class MongoNoAuthCheck implements Check {
    public static final String FINDING = "mongodb-no-auth";
    private static final String ID = "mongodb-auth";

    @Override
    public CheckInfo info() {
        return new CheckInfo(ID, Set.of("mongodb"), 2, false, Set.of(FINDING));
    }

    @Override
    public List<Finding> run(CheckContext ctx) throws IOException {
        long wire = Long.parseLong(ctx.service().details().getOrDefault("max_wire_version", "0"));
        byte[] ask = wire >= 6
                ? MongoWire.opMsg(7, MongoWire.document("listDatabases", 1, "nameOnly", true, "$db", "admin"))
                : MongoWire.opQuery(7, "admin", MongoWire.document("listDatabases", 1));
        Optional<Map<String, Object>> reply;
        try (Connection c = ctx.connect()) {
            reply = MongoWire.call(c, ask);
        }
        return reply.map(MongoNoAuthCheck::judge).orElse(List.of());
    }

    /** The verdict on a listDatabases reply; public for the tests. */
    public static List<Finding> judge(Map<String, Object> reply) {
        if (!MongoWire.ok(reply) || !(reply.get("databases") instanceof List<?> databases)) return List.of();
        List<String> names = new ArrayList<>();
        for (Object d : databases) {
            if (d instanceof Map<?, ?> m && m.get("name") instanceof String n && names.size() < 5) names.add(n);
        }
        return List.of(new Finding(FINDING, ID, "listDatabases answered without authentication: " + databases.size()
                + " databases" + (names.isEmpty() ? "" : " (" + String.join(", ", names) + (databases.size() > 5 ? ", …" : "") + ")")));
    }
}
