package dev.vantage.check.builtin;

import dev.vantage.check.CheckContext;
import dev.vantage.probe.dns.DnsExchange;
import dev.vantage.probe.dns.DnsMessage;
import dev.vantage.udp.UdpExchange;
import dev.vantage.udp.UdpScanner;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The DNS checks' way to the server, over the transport the service was found on: a DNS service
 * the UDP scan identified ({@code transport=udp}) is asked in datagrams, one found on a TCP port
 * over TCP ({@link DnsOverTcp}). Asking a UDP-only finding over TCP would test another service
 * (or wait out a filtered port), and would label UDP evidence as TCP.
 */
final class DnsTransport {
    /** Attempts and wait per attempt: the UDP scan has just heard this server, so loss is the only reason to retry. */
    private static final int ATTEMPTS = 2;
    private static final Duration WAIT = Duration.ofSeconds(1);

    private DnsTransport() {}

    static boolean isUdp(CheckContext ctx) {
        return UdpScanner.UDP.equals(ctx.service().details().get(UdpScanner.TRANSPORT));
    }

    /** "UDP" or "TCP", for evidence. */
    static String label(CheckContext ctx) {
        return isUdp(ctx) ? "UDP" : "TCP";
    }

    static DnsExchange of(CheckContext ctx) {
        return isUdp(ctx) ? overUdp(ctx) : DnsOverTcp.of(ctx);
    }

    /** One short connected datagram conversation per query; only a reply with our id and the response bit counts. */
    private static DnsExchange overUdp(CheckContext ctx) {
        return query -> {
            int id = ((query[0] & 0xff) << 8) | (query[1] & 0xff);
            List<byte[]> replies;
            try (UdpExchange x = UdpExchange.open(ctx.address())) {
                replies = x.ask(query, ATTEMPTS, WAIT, 1, UdpExchange.MAX_DATAGRAM);   // one query, one reply: no wait for more
            }
            for (byte[] r : replies) {
                Optional<DnsMessage> m = DnsMessage.parse(r);
                if (m.isPresent() && m.get().isResponse() && m.get().id() == id) return m.get();
            }
            throw new IOException(replies.isEmpty() ? "no answer over UDP" : "no UDP reply answers our query");
        };
    }
}
