package dev.vantage.probe.builtin;

import dev.vantage.probe.Connection;
import dev.vantage.probe.ProbeInfo;
import dev.vantage.probe.Service;
import dev.vantage.probe.ServiceProbe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** memcached: the text command {@code version} → {@code VERSION 1.6.18}. */
public final class MemcachedProbe implements ServiceProbe {
    public static final String PRODUCT = "Memcached";
    private static final Pattern VERSION = Pattern.compile("^VERSION ([\\w.+~-]{1,40})\r?\n");

    @Override
    public ProbeInfo info() {
        return new ProbeInfo("memcached", "memcached", Set.of(11211), true);
    }

    @Override
    public Optional<Service> query(Connection c) throws IOException {
        c.write("version\r\n".getBytes(StandardCharsets.US_ASCII));
        return parse(c.readAvailable(512, DataProbes.firstReplyWait(this, c)));
    }

    public static Optional<Service> parse(byte[] reply) {
        String text = new String(reply, 0, Math.min(reply.length, 512), StandardCharsets.ISO_8859_1);
        Matcher m = VERSION.matcher(text);
        if (!m.find()) return Optional.empty();
        return Optional.of(Service.of("memcached", PRODUCT, m.group(1), "VERSION " + m.group(1)));
    }
}
