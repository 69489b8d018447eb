package dev.vantage.check.builtin;

import dev.vantage.check.Check;
import dev.vantage.check.CheckContext;
import dev.vantage.check.CheckInfo;
import dev.vantage.check.Finding;
import dev.vantage.probe.dns.DnsExchange;
import dev.vantage.probe.dns.DnsMessage;
import dev.vantage.probe.dns.DnsTcp;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Does the server resolve names for us, an outsider? We ask, with recursion desired, for the SOA
 * of the root zone: a name no ordinary server is authoritative for, which every resolver already
 * has in its cache (so the question sends no traffic to anyone else), and which needs no
 * internet in a test.
 *
 * <p>The verdict, precisely ({@link #judge}):
 * <ul>
 *   <li>RA clear: recursion is not offered to us (BIND with {@code recursion no}, or an
 *       {@code allow-recursion} list we are not on) → not open, whatever the rest says;</li>
 *   <li>RA set and REFUSED → not open (a resolver that serves only its own clients);</li>
 *   <li>RA set, NOERROR, at least one answer, AA clear → open: it answered from its cache or by
 *       resolving for us;</li>
 *   <li>RA set and SERVFAIL or NXDOMAIN (AA clear) → open: it accepted the recursive query and
 *       tried to resolve it for us; the failure lies upstream (no route to the root, a broken
 *       forwarder), not in a refusal — servers that refuse say REFUSED or clear RA;</li>
 *   <li>anything else (a referral, an authoritative answer) → not open.</li>
 * </ul>
 * The logic takes a {@link DnsExchange}, so a UDP variant reuses it unchanged.
 */
public final class DnsOpenResolverCheck implements Check {
    public static final String FINDING = "dns-open-resolver";
    static final String QUESTION = ".";

    @Override
    public CheckInfo info() {
        return new CheckInfo("dns-recursion", Set.of("dns"), 2, false, Set.of(FINDING));
    }

    @Override
    public List<Finding> run(CheckContext context) throws IOException {
        return check(DnsTransport.of(context), DnsTransport.label(context));
    }

    /** Asks once and judges the reply; {@code transport} ("TCP", "UDP") only labels the evidence. */
    public static List<Finding> check(DnsExchange dns, String transport) throws IOException {
        DnsMessage reply = dns.exchange(DnsMessage.query(DnsTcp.newId(), QUESTION, DnsMessage.TYPE_SOA, DnsMessage.CLASS_IN, true));
        return judge(reply)
                .map(why -> List.of(new Finding(FINDING, "dns-recursion",
                        "a recursive query over " + transport + " for the root zone's SOA " + why)))
                .orElse(List.of());
    }

    /** The verdict on the reply to a recursive query for a name outside the server's zones: why it is open, or empty. */
    public static Optional<String> judge(DnsMessage reply) {
        if (!reply.recursionAvailable()) return Optional.empty();
        String status = reply.rcodeName() + ", flags " + reply.flagNames();
        int rcode = reply.rcode();
        if (rcode == DnsMessage.NOERROR && !reply.answers().isEmpty() && !reply.authoritative()) {
            return Optional.of("was answered (" + status + "): " + reply.answers().get(0).describe());
        }
        if ((rcode == DnsMessage.SERVFAIL || rcode == DnsMessage.NXDOMAIN) && !reply.authoritative()) {
            return Optional.of("was accepted and resolution attempted (" + status
                    + "): recursion is offered to outsiders, the lookup itself failed upstream");
        }
        return Optional.empty();
    }
}
