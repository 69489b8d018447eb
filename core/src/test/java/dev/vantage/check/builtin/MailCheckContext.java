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

/** A check context for a plain service on loopback. */
record MailCheckContext(Target target, int port, Service service, CheckSettings settings) implements CheckContext {

    static MailCheckContext of(String serviceName, int port) {
        return of(serviceName, port, CheckSettings.defaults());
    }

    static MailCheckContext of(String serviceName, int port, CheckSettings settings) {
        InetAddress lo = InetAddress.getLoopbackAddress();
        return new MailCheckContext(new Target(lo.getHostAddress(), lo), port, Service.of(serviceName, null, null, null), settings);
    }

    @Override
    public Connection connect() throws IOException {
        return connectPlain();
    }

    @Override
    public Connection connectPlain() throws IOException {
        return Connection.open(new InetSocketAddress(target.address(), port), Duration.ofSeconds(2), Duration.ofSeconds(2), settings.budget());
    }
}
