package dev.vantage.probe.builtin;

import dev.vantage.probe.Connection;
import dev.vantage.probe.ServiceProbe;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * The built-in probes of the data group, in the order they are tried when no port hint applies:
 * greeting readers (MySQL, VNC) first, then queries from the most common and cheapest. The
 * registry puts the text ones before the generic HTTP probe, so Elasticsearch — HTTP with its own
 * JSON signature — is claimed here before HTTP can claim it, and the binary ones
 * ({@link #isBinary}) after it.
 */
public final class DataProbes {
    /**
     * How long a probe waits for the first byte of an answer on the ports its service usually
     * listens on, where the wait is likely rewarded.
     */
    static final Duration LIKELY_PORT_WAIT = Duration.ofMillis(3000);

    /**
     * How long it waits elsewhere. Real servers answer at once; but a text service on an unusual
     * port (HTTP, say) waits silently for a line ending our binary requests never send, and every
     * probe tried there before the right one (the registry tries this group before HTTP) spends
     * this much. Nine probes at 0.7 s leave the generic probes most of the port's budget.
     */
    static final Duration OTHER_PORT_WAIT = Duration.ofMillis(700);

    private DataProbes() {}

    /** How long {@code probe} waits for the first byte of an answer on this connection's port. */
    static Duration firstReplyWait(ServiceProbe probe, Connection c) {
        return probe.info().likelyPorts().contains(c.remote().getPort()) ? LIKELY_PORT_WAIT : OTHER_PORT_WAIT;
    }

    /**
     * The first {@code n} bytes of a reply: waits only {@code wait} for the first of them (a
     * service that ignores us costs little), then the rest in full. Empty if silent.
     */
    static byte[] readStart(Connection c, int n, Duration wait) throws IOException {
        byte[] first = c.readAvailable(n, wait);
        if (first.length == 0 || first.length == n) return first;
        byte[] rest = c.readExactly(n - first.length);
        byte[] all = new byte[n];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }

    /**
     * Whether a probe's request is binary (no line end): a text service on an unusual port waits
     * out such a request in silence, so the registry tries these after the HTTP probe.
     */
    public static boolean isBinary(ServiceProbe p) {
        return p instanceof PostgresProbe || p instanceof MongoProbe || p instanceof RdpProbe || p instanceof SmbProbe
                || p instanceof NetbiosSessionProbe || p instanceof AfpProbe;
    }

    public static List<ServiceProbe> all() {
        return List.of(
                new MysqlProbe(),
                new VncProbe(),
                new RedisProbe(),
                new MemcachedProbe(),
                new PostgresProbe(),
                new MongoProbe(),
                new ElasticProbe(),
                new RdpProbe(),
                new SmbProbe(),
                new NetbiosSessionProbe(),
                new AfpProbe());
    }
}
