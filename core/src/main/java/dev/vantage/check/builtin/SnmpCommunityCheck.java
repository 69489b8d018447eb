package dev.vantage.check.builtin;

import dev.vantage.check.Check;
import dev.vantage.check.CheckContext;
import dev.vantage.check.CheckInfo;
import dev.vantage.check.Finding;
import dev.vantage.udp.UdpExchange;
import dev.vantage.udp.probe.SnmpMessages;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Does the SNMP agent answer the default community {@code public}? One GetRequest for sysDescr.0
 * as SNMPv2c and one as SNMPv1; a Response without error is the finding, its sysDescr the
 * evidence. One well-known default, no guessing of others.
 */
public final class SnmpCommunityCheck implements Check {
    public static final String FINDING = "snmp-public-community";
    private static final String ID = "snmp-community";
    static final String COMMUNITY = "public";

    @Override
    public CheckInfo info() {
        return new CheckInfo(ID, Set.of("snmp"), 2, false, Set.of(FINDING));
    }

    @Override
    public List<Finding> run(CheckContext ctx) throws IOException {
        try (UdpExchange x = UdpExchange.open(ctx.address())) {
            for (int version : new int[] {SnmpMessages.V2C, SnmpMessages.V1}) {
                int requestId = 0x56540100 + version;
                List<byte[]> replies = x.ask(SnmpMessages.get(version, COMMUNITY, requestId, SnmpMessages.SYS_DESCR),
                        2, Duration.ofSeconds(2), 4, 64 * 1024);
                for (byte[] r : replies) {
                    List<Finding> f = judge(SnmpMessages.parseResponse(r), requestId);
                    if (!f.isEmpty()) return f;
                }
            }
        }
        return List.of();
    }

    /** The verdict on a reply to our GetRequest; public for the tests. */
    public static List<Finding> judge(Optional<SnmpMessages.Response> reply, int requestId) {
        if (reply.isEmpty() || reply.get().requestId() != requestId || reply.get().errorStatus() != 0
                || !COMMUNITY.equals(reply.get().community())) {
            return List.of();
        }
        String v = reply.get().version() == SnmpMessages.V1 ? "SNMPv1" : "SNMPv2c";
        String descr = reply.get().value();
        return List.of(new Finding(FINDING, ID, "community \"public\" answered a " + v + " GetRequest"
                + (descr.isEmpty() ? "" : ": sysDescr.0 = " + (descr.length() > 100 ? descr.substring(0, 100) + "…" : descr))));
    }
}
