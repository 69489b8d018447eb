package dev.vantage.check.builtin;

import dev.vantage.check.Check;
import dev.vantage.check.CheckContext;
import dev.vantage.check.CheckInfo;
import dev.vantage.check.Finding;
import dev.vantage.probe.Connection;
import dev.vantage.probe.builtin.ImapProbe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * IMAP logins in clear text, on a plain connection: the capabilities before STARTTLS lack
 * {@code LOGINDISABLED} (so LOGIN with a password is allowed, RFC 3501 §6.2.3), or offer
 * {@code AUTH=PLAIN} / {@code AUTH=LOGIN}. Judged from CAPABILITY alone: no LOGIN is ever sent.
 */
public final class ImapCleartextCheck implements Check {
    public static final String ID = "imap-cleartext";
    public static final String CLEARTEXT = "imap-cleartext-login";
    static final int MAX_LINES = 50;

    @Override
    public CheckInfo info() {
        return new CheckInfo(ID, Set.of("imap"), 2, false, Set.of(CLEARTEXT));
    }

    @Override
    public List<Finding> run(CheckContext ctx) throws IOException {
        if (ctx.service().tls()) return List.of();
        try (Connection c = ctx.connectPlain()) {
            String greeting = line(c);
            String upper = greeting.toUpperCase(Locale.ROOT);
            if (upper.startsWith("* PREAUTH")) return List.of();    // no login at all here; nothing crosses the wire
            if (!upper.startsWith("* OK")) throw new IOException("the server refused the session: " + printable(greeting));
            String caps = ImapProbe.capabilities(greeting);
            if (caps == null) caps = capability(c);
            c.writeLine("a2 LOGOUT");
            return judge(caps);
        }
    }

    /** Sends CAPABILITY and collects the untagged answer. */
    private static String capability(Connection c) throws IOException {
        c.writeLine("a1 CAPABILITY");
        String caps = null;
        for (int i = 0; i < MAX_LINES; i++) {
            String l = line(c);
            String u = l.toUpperCase(Locale.ROOT);
            if (u.startsWith("* CAPABILITY ")) caps = l.substring("* CAPABILITY ".length()).strip();
            if (u.startsWith("A1 ")) {
                if (caps == null || !u.startsWith("A1 OK")) throw new IOException("CAPABILITY failed: " + printable(l));
                return caps;
            }
        }
        throw new IOException("no end to the CAPABILITY reply after " + MAX_LINES + " lines");
    }

    /** The finding for a pre-TLS capability list, if any. Pure, for tests. */
    static List<Finding> judge(String capabilities) {
        List<String> caps = new ArrayList<>();
        for (String c : capabilities.toUpperCase(Locale.ROOT).split("\\s+")) if (!c.isEmpty()) caps.add(c);
        boolean starttls = caps.contains("STARTTLS");
        String tls = starttls ? "STARTTLS is offered" : "no STARTTLS";
        if (!caps.contains("LOGINDISABLED")) {
            return List.of(new Finding(CLEARTEXT, ID, "CAPABILITY before TLS lacks LOGINDISABLED, so LOGIN with a password is allowed in clear ("
                    + tls + "): " + printable(capabilities)));
        }
        List<String> clear = caps.stream().filter(c -> c.equals("AUTH=PLAIN") || c.equals("AUTH=LOGIN")).toList();
        if (!clear.isEmpty()) {
            return List.of(new Finding(CLEARTEXT, ID, "CAPABILITY before TLS offers " + String.join(" ", clear) + " (" + tls + ")"));
        }
        return List.of();
    }

    private static String line(Connection c) throws IOException {
        String l = c.readLine(4096);
        if (l == null) throw new IOException("the server closed the connection");
        return l;
    }

    private static String printable(String s) {
        return Connection.excerpt(s.getBytes(StandardCharsets.ISO_8859_1), 200);
    }
}
