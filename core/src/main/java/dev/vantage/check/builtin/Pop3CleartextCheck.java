package dev.vantage.check.builtin;

import dev.vantage.check.Check;
import dev.vantage.check.CheckContext;
import dev.vantage.check.CheckInfo;
import dev.vantage.check.Finding;
import dev.vantage.probe.Connection;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * POP3 logins in clear text, on a plain connection: the capabilities (CAPA, RFC 2449) offer a
 * password mechanism (SASL PLAIN or LOGIN) before STLS, or {@code USER} with a made-up name is
 * answered {@code +OK} (so {@code PASS} would be next, in clear). A server that refuses both until
 * STLS (Dovecot: "Plaintext authentication disallowed") is fine. No password is ever sent.
 */
public final class Pop3CleartextCheck implements Check {
    public static final String ID = "pop3-cleartext";
    public static final String CLEARTEXT = "pop3-cleartext-login";
    static final int MAX_CAPA_LINES = 100;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public CheckInfo info() {
        return new CheckInfo(ID, Set.of("pop3"), 2, false, Set.of(CLEARTEXT));
    }

    @Override
    public List<Finding> run(CheckContext ctx) throws IOException {
        if (ctx.service().tls()) return List.of();
        try (Connection c = ctx.connectPlain()) {
            String greeting = line(c);
            if (!greeting.startsWith("+OK")) throw new IOException("the server refused the session: " + printable(greeting));
            c.writeLine("CAPA");
            List<String> capa = new ArrayList<>();
            String status = line(c);
            if (status.startsWith("+OK")) {
                for (String l = line(c); !l.equals("."); l = line(c)) {
                    if (capa.size() >= MAX_CAPA_LINES) throw new IOException("a CAPA list of more than " + MAX_CAPA_LINES + " lines");
                    capa.add(l);
                }
            }
            String user = "vantage-probe-" + HexFormat.of().formatHex(randomBytes());
            c.writeLine("USER " + user);
            String userReply = line(c);
            c.writeLine("QUIT");
            return judge(status.startsWith("+OK") ? capa : null, userReply);
        }
    }

    /**
     * The finding, if any.
     *
     * @param capa      the capability lines, or null when CAPA is not supported
     * @param userReply the reply to USER with a made-up name
     */
    static List<Finding> judge(@Nullable List<String> capa, String userReply) {
        boolean stls = false;
        List<String> mechanisms = new ArrayList<>();
        if (capa != null) {
            for (String l : capa) {
                String u = l.strip().toUpperCase(Locale.ROOT);
                if (u.equals("STLS")) stls = true;
                if (u.startsWith("SASL ")) {
                    for (String m : u.substring(5).trim().split("\\s+")) {
                        if ((m.equals("PLAIN") || m.equals("LOGIN")) && !mechanisms.contains(m)) mechanisms.add(m);
                    }
                }
            }
        }
        String tls = capa == null ? "CAPA is not supported" : stls ? "STLS is offered" : "CAPA lists no STLS";
        if (userReply.startsWith("+OK")) {
            return List.of(new Finding(CLEARTEXT, ID, "USER before any TLS answered \"" + printable(userReply)
                    + "\", so the password would follow in clear (" + tls + ")"));
        }
        if (!mechanisms.isEmpty()) {
            return List.of(new Finding(CLEARTEXT, ID, "CAPA on the unencrypted connection offers SASL "
                    + String.join(" ", mechanisms) + " (" + tls + ")"));
        }
        return List.of();
    }

    private static String line(Connection c) throws IOException {
        String l = c.readLine(1024);
        if (l == null) throw new IOException("the server closed the connection");
        return l;
    }

    private static String printable(String s) {
        return Connection.excerpt(s.getBytes(StandardCharsets.ISO_8859_1), 160);
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[4];
        RANDOM.nextBytes(b);
        return b;
    }
}
