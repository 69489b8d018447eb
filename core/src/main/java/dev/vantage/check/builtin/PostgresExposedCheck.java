package dev.vantage.check.builtin;

import dev.vantage.check.Check;
import dev.vantage.check.CheckContext;
import dev.vantage.check.CheckInfo;
import dev.vantage.check.Finding;
import dev.vantage.probe.Connection;
import dev.vantage.probe.builtin.PostgresWire;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PostgreSQL answering a stranger is reported in any case. To say how close the data is, the
 * check starts one login for a made-up role ({@code vantage-check}, which does not exist): the
 * answer shows whether pg_hba.conf lets this address try at all and which authentication it asks
 * for. No password is ever sent.
 */
public final class PostgresExposedCheck implements Check {
    public static final String FINDING = "postgresql-exposed";
    private static final String ID = "postgresql-exposure";
    static final String ROLE = "vantage-check";

    @Override
    public CheckInfo info() {
        return new CheckInfo(ID, Set.of("postgresql"), 2, false, Set.of(FINDING));
    }

    @Override
    public List<Finding> run(CheckContext ctx) {
        String base = "the server answered a connection from this address (" + ctx.service().describe() + ", TLS "
                + ctx.service().details().getOrDefault("ssl", "unknown") + ")";
        String login;
        try {
            login = describe(tryLogin(ctx));
        } catch (IOException e) {
            login = null;
        }
        return List.of(new Finding(FINDING, ID, login == null ? base : base + "; " + login));
    }

    private static Optional<PostgresWire.BackendMessage> tryLogin(CheckContext ctx) throws IOException {
        try (Connection c = ctx.connectPlain()) {
            c.write(PostgresWire.sslRequest());
            byte[] answer = c.readAvailable(1, Duration.ofSeconds(3));
            if (answer.length != 1 || (answer[0] != 'S' && answer[0] != 'N')) return Optional.empty();
            Connection conversation = answer[0] == 'S' ? c.startTls(null) : c;
            try {
                conversation.write(PostgresWire.startupMessage(ROLE, ROLE));
                return PostgresWire.readMessage(conversation);
            } finally {
                if (conversation != c) conversation.close();
            }
        }
    }

    /** What the first answer to a login says about pg_hba.conf; public for the tests. */
    public static @Nullable String describe(Optional<PostgresWire.BackendMessage> answer) {
        if (answer.isEmpty()) return null;
        PostgresWire.BackendMessage m = answer.get();
        if (m.type() == 'R') {
            return "pg_hba.conf lets this address log in, asking for " + PostgresWire.authMethodName(m.authCode());
        }
        String code = m.fields().getOrDefault("C", "");
        String message = m.fields().getOrDefault("M", "");
        if (code.equals("28000") && message.contains("pg_hba.conf")) return "pg_hba.conf refuses logins from this address";
        if (code.equals("28000") || code.equals("3D000")) return "pg_hba.conf lets this address log in (no authentication asked before the role check)";
        return "a login attempt was answered: " + Connection.excerpt(message.getBytes(java.nio.charset.StandardCharsets.UTF_8), 100);
    }
}
