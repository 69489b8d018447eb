package dev.vantage.check;

import dev.vantage.probe.Connection;
import dev.vantage.probe.Service;
import dev.vantage.target.Target;

import java.io.IOException;
import java.net.InetSocketAddress;

/** What a check gets: where, what was identified there, settings, and bounded connections. */
public interface CheckContext {
    Target target();

    int port();

    Service service();

    CheckSettings settings();

    /** A fresh connection to the port, inside TLS when the service speaks TLS there. */
    Connection connect() throws IOException;

    /** A fresh plain connection, even where the service speaks TLS (for STARTTLS and TLS version tests). */
    Connection connectPlain() throws IOException;

    default InetSocketAddress address() {
        return new InetSocketAddress(target().address(), port());
    }
}
