package dev.vantage.probe.builtin;

import dev.vantage.probe.Connection;
import dev.vantage.probe.ProbeInfo;
import dev.vantage.probe.Service;
import dev.vantage.probe.ServiceProbe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * PostgreSQL: an SSLRequest first (the answer 'S' or 'N' says whether TLS is on offer), then,
 * inside TLS when offered, a StartupMessage for a protocol version no server speaks. Every
 * version answers that with an ErrorResponse ("unsupported frontend protocol") whatever
 * pg_hba.conf says, which proves PostgreSQL without logging in. PostgreSQL does not reveal its
 * version before login; like nmap we report {@code 9.6.0 or later} when the error carries the
 * non-localised severity field that 9.6 introduced. nmap names the product {@code PostgreSQL DB}.
 */
public final class PostgresProbe implements ServiceProbe {
    public static final String PRODUCT = "PostgreSQL DB";

    @Override
    public ProbeInfo info() {
        return new ProbeInfo("postgresql", "postgresql", Set.of(5432, 5433), true);
    }

    @Override
    public Optional<Service> query(Connection c) throws IOException {
        c.write(PostgresWire.SSL_REQUEST);
        byte[] answer = c.readAvailable(1, DataProbes.firstReplyWait(this, c));
        if (answer.length == 0) return Optional.empty();
        Connection conversation = c;
        String ssl;
        if (answer[0] == 'S') {
            ssl = "offered";
            conversation = c.startTls(null);
        } else if (answer[0] == 'N') {
            ssl = "not offered";
        } else {
            return Optional.empty();
        }
        try {
            conversation.write(PostgresWire.UNSUPPORTED_STARTUP);
            return PostgresWire.readMessage(conversation).flatMap(PostgresProbe::fromStartupError).map(s -> s.withDetail("ssl", ssl));
        } finally {
            if (conversation != c) conversation.close();
        }
    }

    /** The service from the answer to the unsupported StartupMessage; public for the corpus tests. */
    public static Optional<Service> fromStartupError(PostgresWire.BackendMessage m) {
        if (m.type() != 'E' || !"0A000".equals(m.fields().get("C"))) return Optional.empty();
        String version = m.fields().containsKey("V") ? "9.6.0 or later" : null;
        String message = m.fields().getOrDefault("M", "");
        Service s = Service.of("postgresql", PRODUCT, version, Connection.excerpt(message.getBytes(StandardCharsets.UTF_8), 120));
        String file = m.fields().get("F");
        String line = m.fields().get("L");
        if (file != null && line != null) s = s.withDetail("source", Connection.excerpt((file + ":" + line).getBytes(StandardCharsets.UTF_8), 80));
        return Optional.of(s);
    }
}
