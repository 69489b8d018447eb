package dev.vantage.check.builtin;

import dev.vantage.check.CheckContext;
import dev.vantage.probe.Connection;
import dev.vantage.probe.Service;
import dev.vantage.probe.tls.StartTls;
import dev.vantage.target.Target;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.util.Set;

/**
 * How the TLS checks reach a service's TLS layer: directly where the service speaks TLS at once
 * ({@link Service#tls()}), through STARTTLS for SMTP, POP3, IMAP and FTP, not at all otherwise.
 */
final class TlsEndpoint {
    /**
     * Service names the TLS checks register for. A check cannot yet say "any service with TLS",
     * so this lists the names TLS is found under; {@link #reachable} decides per port.
     */
    static final Set<String> SERVICES = Set.of("tls", "http", "https", "smtp", "submission", "smtps", "imap", "imaps",
            "pop3", "pop3s", "ftp", "ftps", "ldap", "ldaps", "xmpp", "irc", "nntp", "sip", "mqtt", "amqp", "rdp", "vnc",
            "telnet", "unknown");

    private TlsEndpoint() {}

    /** Whether this service has a TLS layer we can reach. */
    static boolean reachable(Service service) {
        return service.tls() || StartTls.supports(service.name());
    }

    /** "direct TLS" or "STARTTLS", for evidence. */
    static String how(Service service) {
        return service.tls() ? "TLS" : "STARTTLS";
    }

    /**
     * A fresh connection at the point where the server expects a ClientHello, or null when the
     * server does not offer STARTTLS on this connection.
     */
    static @Nullable Connection open(CheckContext ctx) throws IOException {
        Connection c = ctx.connectPlain();
        if (ctx.service().tls()) return c;
        try {
            if (StartTls.negotiate(c, ctx.service().name())) return c;
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
        c.close();
        return null;
    }

    /** The name to send as SNI and to match the certificate against: the target's host name, or null for an address. */
    static @Nullable String hostName(Target target) {
        String n = target.name();
        if (n.indexOf(':') >= 0 || n.matches("\\d{1,3}(\\.\\d{1,3}){3}")) return null;
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }
}
