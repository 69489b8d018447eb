package dev.vantage.check.builtin;

import dev.vantage.check.CheckContext;
import dev.vantage.check.CheckSettings;
import dev.vantage.probe.Connection;
import dev.vantage.probe.Service;
import dev.vantage.target.Target;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

/** A check context on loopback, as {@link dev.vantage.check.CheckRunner} builds it, with the target named as given. */
record InfraCheckContext(Target target, int port, Service service, CheckSettings settings) implements CheckContext {

    static InfraCheckContext of(String targetName, int port, Service service) {
        return new InfraCheckContext(new Target(targetName, InetAddress.getLoopbackAddress()), port, service, CheckSettings.defaults());
    }

    @Override
    public Connection connect() throws IOException {
        Connection c = connectPlain();
        if (!service.tls()) return c;
        try {
            return c.startTls(null);
        } catch (IOException e) {
            c.close();
            throw e;
        }
    }

    @Override
    public Connection connectPlain() throws IOException {
        return Connection.open(new InetSocketAddress(target.address(), port), Duration.ofSeconds(2), Duration.ofSeconds(2), settings.budget());
    }
}
