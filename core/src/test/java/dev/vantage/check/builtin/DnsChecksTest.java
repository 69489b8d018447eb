package dev.vantage.check.builtin;

import dev.vantage.check.Finding;
import dev.vantage.probe.dns.DnsExchange;
import dev.vantage.probe.dns.DnsMessage;
import dev.vantage.probe.dns.DnsRecord;
import dev.vantage.target.Target;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The DNS checks' logic against a scripted {@link DnsExchange} (no sockets). */
class DnsChecksTest {
    private static final int AA = 0x0400;
    private static final int RA = 0x0080;
    private static final int QR = 0x8000;

    private static DnsRecord soa(String zone) {
        return new DnsRecord(zone, DnsMessage.TYPE_SOA, DnsMessage.CLASS_IN, 300, new byte[0], "ns1." + zone + " hostmaster." + zone + " 1");
    }

    private static DnsMessage reply(int flags, List<DnsRecord> answers, List<DnsRecord> authority) {
        return new DnsMessage(1, QR | flags, List.of(), answers, authority, List.of());
    }

    /** Answers by question name and type from a table; REFUSED for anything else. */
    private static DnsExchange scripted(Map<String, DnsMessage> byQuestion, List<String> asked) {
        return query -> {
            DnsMessage q = DnsMessage.parse(query).orElseThrow();
            String key = q.questions().get(0).name() + "/" + q.questions().get(0).type();
            asked.add(key);
            DnsMessage r = byQuestion.get(key);
            return r != null ? r : reply(DnsMessage.REFUSED, List.of(), List.of());
        };
    }

    @Test
    void recursionVerdicts() {
        DnsRecord rootSoa = soa(".");
        assertTrue(DnsOpenResolverCheck.judge(reply(RA, List.of(rootSoa), List.of())).isPresent(), "answered");
        assertTrue(DnsOpenResolverCheck.judge(reply(RA | DnsMessage.SERVFAIL, List.of(), List.of())).isPresent(), "tried");
        assertTrue(DnsOpenResolverCheck.judge(reply(DnsMessage.REFUSED, List.of(), List.of())).isEmpty(), "refused");
        assertTrue(DnsOpenResolverCheck.judge(reply(RA | DnsMessage.REFUSED, List.of(), List.of())).isEmpty(), "refused with RA");
        assertTrue(DnsOpenResolverCheck.judge(reply(DnsMessage.SERVFAIL, List.of(), List.of())).isEmpty(), "no RA");
        assertTrue(DnsOpenResolverCheck.judge(reply(RA | AA, List.of(rootSoa), List.of())).isEmpty(), "its own zone");
        assertTrue(DnsOpenResolverCheck.judge(reply(RA, List.of(), List.of(soa(".")))).isEmpty(), "referral");
    }

    @Test
    void theResolverQuestionIsTheRootSoaWithRecursionDesired() throws IOException {
        List<String> asked = new ArrayList<>();
        List<Finding> f = DnsOpenResolverCheck.check(scripted(Map.of("./6", reply(RA, List.of(soa(".")), List.of())), asked), "UDP");
        assertEquals(List.of("./6"), asked);
        assertEquals(1, f.size());
        assertTrue(f.get(0).evidence().startsWith("a recursive query over UDP"), f.get(0).evidence());
    }

    @Test
    void versionTextsThatDiscloseAndThatDoNot() {
        assertTrue(DnsVersionCheck.disclosesVersion("9.18.49-1~deb12u3-Debian"));
        assertTrue(DnsVersionCheck.disclosesVersion("unbound"));
        assertTrue(DnsVersionCheck.disclosesVersion("dnsmasq-2.89"));
        assertTrue(!DnsVersionCheck.disclosesVersion("none"));
        assertTrue(!DnsVersionCheck.disclosesVersion("go away"));
    }

    @Test
    void zonesAreFoundFromTheTargetNameAndThePtrAnswer() throws IOException {
        List<String> asked = new ArrayList<>();
        DnsRecord ptr = new DnsRecord("1.0.0.127.in-addr.arpa", DnsMessage.TYPE_PTR, DnsMessage.CLASS_IN, 300, new byte[0], "ns1.other.test");
        Map<String, DnsMessage> script = Map.of(
                "1.0.0.127.in-addr.arpa/12", reply(AA, List.of(ptr), List.of()),
                "ns1.lab.test/6", reply(AA, List.of(), List.of(soa("lab.test"))),
                "lab.test/6", reply(AA, List.of(soa("lab.test")), List.of()),
                "ns1.other.test/6", reply(AA | DnsMessage.NXDOMAIN, List.of(), List.of(soa("other.test"))),
                "1.0.0.127.in-addr.arpa/6", reply(AA, List.of(), List.of(soa("0.0.127.in-addr.arpa"))));
        DnsExchange dns = scripted(script, asked);
        DnsZoneTransferCheck check = new DnsZoneTransferCheck(List.of("hint.test."));
        List<String> candidates = check.candidates(new Target("ns1.lab.test", InetAddress.getLoopbackAddress()), dns);
        assertEquals(List.of("hint.test", "ns1.lab.test", "lab.test", "ns1.other.test", "other.test", "1.0.0.127.in-addr.arpa"), candidates);
        List<String> zones = DnsZoneTransferCheck.authoritativeZones(dns, candidates);
        assertEquals(List.of("lab.test", "other.test", "0.0.127.in-addr.arpa"), zones);
    }

    @Test
    void anAddressTargetStillFindsZonesThroughItsPtr() throws IOException {
        DnsExchange nothing = scripted(Map.of(), new ArrayList<>());
        List<String> candidates = new DnsZoneTransferCheck().candidates(new Target("127.0.0.1", InetAddress.getLoopbackAddress()), nothing);
        assertEquals(List.of(), candidates, "no name given, no PTR answer: nothing to try");
    }

    @Test
    void aTransferNeedsTheOpeningSoaAndRecords() {
        DnsRecord a = new DnsRecord("www.lab.test", DnsMessage.TYPE_A, DnsMessage.CLASS_IN, 300, new byte[4], "127.0.0.1");
        DnsZoneTransferCheck.Transfer t = new DnsZoneTransferCheck.Transfer("lab.test");
        assertTrue(t.add(reply(AA, List.of(soa("lab.test"), a), List.of())));
        assertTrue(t.add(reply(AA, List.of(soa("lab.test")), List.of())));
        assertTrue(t.complete());
        assertEquals(Optional.of("AXFR of lab.test was answered with 1 records, e.g. www.lab.test"), t.evidence());

        DnsZoneTransferCheck.Transfer refused = new DnsZoneTransferCheck.Transfer("lab.test");
        refused.add(reply(AA | DnsMessage.REFUSED, List.of(), List.of()));
        assertEquals(Optional.empty(), refused.evidence());

        DnsZoneTransferCheck.Transfer notSoaFirst = new DnsZoneTransferCheck.Transfer("lab.test");
        notSoaFirst.add(reply(AA, List.of(a), List.of()));
        assertEquals(Optional.empty(), notSoaFirst.evidence());
    }

    @Test
    void theCodecReadsWhatItWrites() {
        byte[] q = DnsMessage.query(0xbeef, "Version.Bind", DnsMessage.TYPE_TXT, DnsMessage.CLASS_CH, false);
        DnsMessage m = DnsMessage.parse(q).orElseThrow();
        assertEquals(0xbeef, m.id());
        assertEquals("Version.Bind", m.questions().get(0).name());
        assertEquals("\u0007Version\u0004Bind\u0000", new String(q, 12, 14, StandardCharsets.US_ASCII), "labels as written");
    }
}
