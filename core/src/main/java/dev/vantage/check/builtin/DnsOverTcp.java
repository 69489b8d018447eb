package dev.vantage.check.builtin;

import dev.vantage.check.CheckContext;
import dev.vantage.probe.Connection;
import dev.vantage.probe.dns.DnsExchange;
import dev.vantage.probe.dns.DnsTcp;

/** The DNS checks' way to the server over TCP: one short connection per query, so a server that closes after each answer is no problem. */
final class DnsOverTcp {
    private DnsOverTcp() {}

    static DnsExchange of(CheckContext ctx) {
        return query -> {
            try (Connection c = ctx.connect()) {
                return DnsTcp.exchange(c, query);
            }
        };
    }
}
