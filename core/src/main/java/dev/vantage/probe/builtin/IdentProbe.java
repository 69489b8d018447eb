package dev.vantage.probe.builtin;

import dev.vantage.probe.Connection;
import dev.vantage.probe.ProbeInfo;
import dev.vantage.probe.Service;
import dev.vantage.probe.ServiceProbe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IDENT (RFC 1413) keeps quiet until asked. We ask about a port pair that cannot belong to any
 * connection, {@code 65535, 65535}: a daemon answers {@code 65535, 65535 : ERROR : NO-USER} (or
 * {@code INVALID-PORT}), oidentd in its compact form {@code 65535,65535:ERROR:NO-USER}. The daemons
 * do not name themselves, so the product stays unknown unless a reply says more.
 *
 * <p>The question is sent on port 113 only: IDENT lives nowhere else in practice, and every other
 * quiet service would otherwise get a line of junk and cost us a read timeout before the probes
 * that belong there are tried.
 */
public final class IdentProbe implements ServiceProbe {
    public static final int PORT = 113;
    static final String QUERY = "65535, 65535";
    /**
     * {@code <server port> , <client port> : <USERID|ERROR> : <rest>}; some daemons leave the ports
     * out. Possessive quantifiers: runs of blanks must not be split every possible way (a fuzzed
     * reply of blanks took seconds otherwise).
     */
    private static final Pattern REPLY = Pattern.compile(
            "^[ \\t]*+(\\d{0,5}+)[ \\t]*+,?+[ \\t]*+(\\d{0,5}+)[ \\t]*+:[ \\t]*+(USERID|ERROR)[ \\t]*+:[ \\t]*+([^\\r\\n]{0,600})",
            Pattern.CASE_INSENSITIVE);

    /**
     * One IDENT answer.
     *
     * @param serverPort the port on the daemon's host, as echoed (-1 if left out)
     * @param clientPort the port on the asker's host, as echoed (-1 if left out)
     * @param userId     true for USERID, false for ERROR
     * @param opsys      for USERID: the operating system field ({@code UNIX}, {@code OTHER}, ...); empty for ERROR
     * @param value      for USERID the user identification, for ERROR the error token ({@code NO-USER})
     */
    public record IdentReply(int serverPort, int clientPort, boolean userId, String opsys, String value) {}

    @Override
    public ProbeInfo info() {
        return new ProbeInfo("ident", "ident", Set.of(PORT), true);
    }

    @Override
    public Optional<Service> query(Connection c) throws IOException {
        if (c.remote().getPort() != PORT) return Optional.empty();
        c.writeLine(QUERY);
        byte[] reply = c.readAvailable(1024, Duration.ofSeconds(3));
        return parse(reply);
    }

    /** Recognises the daemon's answer to our question; public for the fuzz and corpus tests. Never throws. */
    public static Optional<Service> parse(byte[] reply) {
        String text = new String(reply, 0, Math.min(reply.length, 1024), StandardCharsets.ISO_8859_1);
        return parseReply(text).map(r -> {
            String firstLine = text.lines().findFirst().orElse("");
            Service s = Service.of("ident", null, null, Connection.excerpt(firstLine.getBytes(StandardCharsets.ISO_8859_1), 160));
            return r.userId() ? s.withDetail("userid", r.value()) : s.withDetail("error", r.value());
        });
    }

    /** Parses the first line of an IDENT answer. Never throws. */
    public static Optional<IdentReply> parseReply(String text) {
        try {
            int end = text.indexOf('\n');
            Matcher m = REPLY.matcher(text.substring(0, Math.min(end < 0 ? text.length() : end, 1024)));
            if (!m.find()) return Optional.empty();
            int server = m.group(1).isEmpty() ? -1 : Integer.parseInt(m.group(1));
            int client = m.group(2).isEmpty() ? -1 : Integer.parseInt(m.group(2));
            boolean userId = m.group(3).equalsIgnoreCase("USERID");
            String rest = m.group(4).strip();
            if (!userId) return Optional.of(new IdentReply(server, client, false, "", rest.toUpperCase(Locale.ROOT)));
            int colon = rest.indexOf(':');
            if (colon < 0) return Optional.empty();
            String opsys = rest.substring(0, colon).strip();
            int comma = opsys.indexOf(',');                       // "UNIX , UTF-8": the character set is optional
            if (comma >= 0) opsys = opsys.substring(0, comma).strip();
            String user = rest.substring(colon + 1).strip();
            if (opsys.isEmpty() || user.isEmpty()) return Optional.empty();
            return Optional.of(new IdentReply(server, client, true, opsys.toUpperCase(Locale.ROOT), user));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
