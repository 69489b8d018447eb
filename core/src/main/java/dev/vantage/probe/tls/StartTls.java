package dev.vantage.probe.tls;

import dev.vantage.probe.Connection;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * Upgrades a fresh plain connection to the point where a TLS ClientHello is expected: the
 * STARTTLS dance of SMTP (RFC 3207), POP3 (STLS, RFC 2595), IMAP (RFC 3501) and FTP (AUTH TLS,
 * RFC 4217). Afterwards the caller either sends a hand-built hello ({@link TlsProber}) or lets the
 * JDK continue ({@link Connection#startTls}). Nothing else is said to the server: no login, no mail.
 *
 * <p>Usable by every check that needs TLS on these protocols:
 * <pre>{@code
 * try (Connection c = ctx.connectPlain()) {
 *     if (!StartTls.negotiate(c, "smtp")) return List.of();      // STARTTLS not offered
 *     try (Connection tls = c.startTls(null)) { ... }
 * }
 * }</pre>
 */
public final class StartTls {
    /** Service names (as the probes name them) that have a STARTTLS upgrade. */
    public static final Set<String> SERVICES = Set.of("smtp", "submission", "pop3", "imap", "ftp");
    private static final String EHLO_NAME = "vantage-check.invalid";
    private static final int MAX_LINES = 64;

    private StartTls() {}

    public static boolean supports(String service) {
        return SERVICES.contains(service);
    }

    /**
     * Runs the upgrade for {@code service} on a connection nothing has been read from yet.
     *
     * @return true when the server agreed and now expects a ClientHello; false when it does not
     *         offer STARTTLS (or refused it)
     * @throws IOException when the server does not speak the protocol as expected
     */
    public static boolean negotiate(Connection c, String service) throws IOException {
        return switch (service.toLowerCase(Locale.ROOT)) {
            case "smtp", "submission" -> smtp(c);
            case "pop3" -> pop3(c);
            case "imap" -> imap(c);
            case "ftp" -> ftp(c);
            default -> throw new IllegalArgumentException("no STARTTLS for " + service);
        };
    }

    private static boolean smtp(Connection c) throws IOException {
        if (!reply(c).startsWith("220")) throw new IOException("no SMTP greeting");
        c.writeLine("EHLO " + EHLO_NAME);
        String ehlo = reply(c);
        if (!ehlo.startsWith("250")) return false;
        if (!ehlo.toUpperCase(Locale.ROOT).matches("(?s).*\\b250[- ]STARTTLS\\b.*")) return false;
        c.writeLine("STARTTLS");
        return reply(c).startsWith("220");
    }

    private static boolean pop3(Connection c) throws IOException {
        String greeting = line(c);
        if (!greeting.startsWith("+OK")) throw new IOException("no POP3 greeting");
        c.writeLine("STLS");
        return line(c).startsWith("+OK");
    }

    private static boolean imap(Connection c) throws IOException {
        String greeting = line(c);
        if (!greeting.startsWith("* OK") && !greeting.startsWith("* PREAUTH")) throw new IOException("no IMAP greeting");
        c.writeLine("a1 STARTTLS");
        for (int i = 0; i < MAX_LINES; i++) {
            String l = line(c);
            if (l.startsWith("a1 ")) return l.startsWith("a1 OK");
        }
        throw new IOException("no answer to STARTTLS");
    }

    private static boolean ftp(Connection c) throws IOException {
        if (!reply(c).startsWith("220")) throw new IOException("no FTP greeting");
        c.writeLine("AUTH TLS");
        return reply(c).startsWith("234");
    }

    /** One SMTP/FTP reply, all its lines joined by newlines ("250-a", "250 b"). */
    static String reply(Connection c) throws IOException {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < MAX_LINES; i++) {
            String l = line(c);
            all.append(l).append('\n');
            if (l.length() < 4 || l.charAt(3) != '-') return all.toString();
        }
        throw new IOException("a reply of more than " + MAX_LINES + " lines");
    }

    private static String line(Connection c) throws IOException {
        @Nullable String l = c.readLine(2048);
        if (l == null) throw new IOException("the server closed the connection");
        return l;
    }
}
