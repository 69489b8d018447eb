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

/** A check context for a service identified on loopback (plain TCP, or UDP where the service says so). */
record DataCheckContext(Target target, int port, Service service, CheckSettings settings) implements CheckContext {

    static DataCheckContext of(Service service, int port) {
        InetAddress lo = InetAddress.getLoopbackAddress();
        return new DataCheckContext(new Target(lo.getHostAddress(), lo), port, service, CheckSettings.defaults());
    }

    @Override
    public Connection connect() throws IOException {
        return connectPlain();
    }

    @Override
    public Connection connectPlain() throws IOException {
        return Connection.open(new InetSocketAddress(target.address(), port), Duration.ofSeconds(2), Duration.ofSeconds(3), settings.budget());
    }
}
