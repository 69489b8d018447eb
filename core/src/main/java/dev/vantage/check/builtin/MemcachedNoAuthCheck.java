package dev.vantage.check.builtin;

import dev.vantage.check.Check;
import dev.vantage.check.CheckContext;
import dev.vantage.check.CheckInfo;
import dev.vantage.check.Finding;
import dev.vantage.probe.Connection;
import dev.vantage.udp.UdpExchange;
import dev.vantage.udp.UdpScanner;
import dev.vantage.udp.probe.MemcachedUdpProbe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Does memcached answer {@code stats} to a stranger? It has no authentication in its text
 * protocol, so an answer means the cache can be read and overwritten. Over UDP the same answer
 * is an amplifier: a 15-byte request draws kilobytes, which the evidence quantifies.
 */
public final class MemcachedNoAuthCheck implements Check {
    public static final String FINDING = "memcached-no-auth";
    private static final String ID = "memcached-auth";
    private static final Pattern STAT = Pattern.compile("(?m)^STAT (version|curr_items|curr_connections) (\\S+)");
    private static final int REQUEST_ID = 0x5655;

    @Override
    public CheckInfo info() {
        return new CheckInfo(ID, Set.of("memcached"), 2, false, Set.of(FINDING));
    }

    @Override
    public List<Finding> run(CheckContext ctx) throws IOException {
        if (UdpScanner.UDP.equals(ctx.service().details().get(UdpScanner.TRANSPORT))) return runUdp(ctx);
        byte[] reply;
        try (Connection c = ctx.connect()) {
            c.write("stats\r\n".getBytes(StandardCharsets.US_ASCII));
            reply = c.readAvailable(64 * 1024, Duration.ofSeconds(3));
        }
        String text = new String(reply, StandardCharsets.ISO_8859_1);
        if (!text.startsWith("STAT ")) return List.of();
        return List.of(new Finding(FINDING, ID, "stats answered over TCP without authentication" + summary(text)));
    }

    private List<Finding> runUdp(CheckContext ctx) throws IOException {
        byte[] request = MemcachedUdpProbe.frame(REQUEST_ID, "stats\r\n");
        List<byte[]> datagrams;
        try (UdpExchange x = UdpExchange.open(ctx.address())) {
            datagrams = x.ask(request, 2, Duration.ofSeconds(2), 64, 256 * 1024);
        }
        return judgeUdp(request.length, datagrams);
    }

    /** The verdict on the datagrams answering a UDP {@code stats}; public for the tests. */
    public static List<Finding> judgeUdp(int requestBytes, List<byte[]> datagrams) {
        StringBuilder text = new StringBuilder();
        int bytes = 0;
        for (byte[] d : datagrams) {
            Optional<String> payload = MemcachedUdpProbe.payload(d);
            if (payload.isEmpty()) continue;
            text.append(payload.get());
            bytes += d.length;
        }
        if (!text.toString().startsWith("STAT ")) return List.of();
        return List.of(new Finding(FINDING, ID, String.format(
                "stats answered over UDP without authentication: %d bytes in %d datagrams for a %d-byte request (%.0f times)%s",
                bytes, datagrams.size(), requestBytes, (double) bytes / requestBytes, summary(text.toString()))));
    }

    private static String summary(String stats) {
        StringBuilder s = new StringBuilder();
        Matcher m = STAT.matcher(stats);
        while (m.find()) s.append(s.isEmpty() ? "; " : ", ").append(m.group(1)).append(' ').append(m.group(2));
        return s.toString();
    }
}
