package dev.vantage.check.builtin;

import dev.vantage.probe.Service;
import dev.vantage.probe.builtin.DnsProbe;
import dev.vantage.probe.dns.DnsMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** How the corpus test describes a captured DNS-over-TCP stream: every judge's verdict on it. */
public final class DnsCorpus {
    private DnsCorpus() {}

    /** The length-prefixed messages of a TCP stream that parse (stops at the first broken frame). */
    static List<DnsMessage> messages(byte[] stream) {
        List<DnsMessage> out = new ArrayList<>();
        int p = 0;
        while (p + 2 <= stream.length) {
            int n = ((stream[p] & 0xff) << 8) | (stream[p + 1] & 0xff);
            if (p + 2 + n > stream.length) break;
            Optional<DnsMessage> m = DnsMessage.parse(java.util.Arrays.copyOfRange(stream, p + 2, p + 2 + n));
            if (m.isEmpty()) break;
            out.add(m.get());
            p += 2 + n;
        }
        return out;
    }

    /** "product | version | disclosure | resolver | zone apex | transfer". */
    public static String describe(byte[] stream) {
        List<DnsMessage> ms = messages(stream);
        if (ms.isEmpty()) return "unparsed";
        DnsMessage first = ms.get(0);
        Service s = DnsProbe.identify(first);
        String disclosure = DnsProbe.versionText(first).filter(DnsVersionCheck::disclosesVersion).isPresent() ? "discloses" : "quiet";
        String resolver = DnsOpenResolverCheck.judge(first).isPresent() ? "open" : "closed";
        String apex = DnsZoneTransferCheck.zoneApex(first).orElse("-");
        DnsZoneTransferCheck.Transfer t = new DnsZoneTransferCheck.Transfer("zone");
        for (DnsMessage m : ms) {
            if (!t.add(m)) break;
        }
        String transfer = t.evidence().map(e -> e.replaceAll("^AXFR of zone was answered with (\\d+) records.*", "axfr $1")).orElse("no axfr");
        return (s.product() == null ? "-" : s.product()) + " | " + (s.version() == null ? "-" : s.version()) + " | " + disclosure
                + " | " + resolver + " | apex " + apex + " | " + transfer;
    }
}
