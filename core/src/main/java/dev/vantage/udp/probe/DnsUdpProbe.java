package dev.vantage.udp.probe;

import dev.vantage.probe.Service;
import dev.vantage.udp.UdpProbe;
import dev.vantage.udp.UdpProbeInfo;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DNS on 53: asks {@code version.bind} (CHAOS TXT, as nmap does) and, in the same attempt, the
 * root's NS records without recursion — a server that hides its version or drops CHAOS queries
 * still answers the second. Any well-formed response to our id proves DNS; the version text, when
 * given, names the product the way nmap does ({@code ISC BIND 9.18.28-1~deb12u2}, {@code dnsmasq 2.90}).
 * Whether the server recurses for strangers is the DNS checks' business, not identification's.
 */
public final class DnsUdpProbe implements UdpProbe {
    static final int VERSION_ID = 0x5601;
    static final int ROOT_ID = 0x5602;

    private record Rule(Pattern pattern, String product) {}

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("^dnsmasq-(\\S+)"), "dnsmasq"),
            new Rule(Pattern.compile("^PowerDNS Recursor (\\d[\\w.-]*)"), "PowerDNS Recursor"),
            new Rule(Pattern.compile("^PowerDNS Authoritative Server (\\d[\\w.-]*)"), "PowerDNS Authoritative Server"),
            new Rule(Pattern.compile("^unbound (\\d[\\w.]*)", Pattern.CASE_INSENSITIVE), "Unbound"),
            new Rule(Pattern.compile("^Knot DNS (\\d[\\w.-]*)"), "Knot DNS"),
            new Rule(Pattern.compile("^Knot Resolver (\\d[\\w.-]*)"), "Knot Resolver"),
            new Rule(Pattern.compile("^NSD (\\d[\\w.-]*)"), "NSD"),
            new Rule(Pattern.compile("^Microsoft DNS (\\d[\\w.]*)"), "Microsoft DNS"),
            // BIND: "9.18.28-1~deb12u2-Debian", "9.11.4-P2-RedHat-9.11.4-26.P2.el7", "BIND 9.16.1"
            new Rule(Pattern.compile("^(?:BIND )?(\\d+\\.\\d+[-\\w.+~]*?)(?:-(?:Debian|debian|Ubuntu|ubuntu|RedHat|Raspbian)\\b.*|\\s.*|$)"),
                    "ISC BIND"));

    @Override
    public UdpProbeInfo info() {
        return new UdpProbeInfo("dns", "dns", Set.of(53));
    }

    @Override
    public List<byte[]> requests() {
        return List.of(DnsWire.query(VERSION_ID, "version.bind", DnsWire.TYPE_TXT, DnsWire.CLASS_CH, false),
                DnsWire.query(ROOT_ID, "", 2, DnsWire.CLASS_IN, false));
    }

    @Override
    public Optional<Service> parse(byte[] reply) {
        return identify(List.of(reply));
    }

    @Override
    public Optional<Service> identify(List<byte[]> replies) {
        Service found = null;
        for (byte[] r : replies) {
            Optional<DnsWire.Message> m = DnsWire.parse(r);
            if (m.isEmpty() || !m.get().header().response() || m.get().header().opcode() != 0) continue;
            int id = m.get().header().id();
            if (id != VERSION_ID && id != ROOT_ID) continue;
            String version = id == VERSION_ID ? versionText(m.get()) : null;
            Service s = version == null ? Service.of("dns", null, null, null) : named(version);
            s = s.withDetail("rcode", String.valueOf(m.get().header().rcode()))
                    .withDetail("recursion_available", String.valueOf(m.get().header().recursionAvailable()));
            if (found == null || version != null) found = s;
        }
        return Optional.ofNullable(found);
    }

    private static @Nullable String versionText(DnsWire.Message m) {
        for (DnsWire.Record r : m.answers()) {
            if (r.type() == DnsWire.TYPE_TXT) {
                String t = Wire.printable(DnsWire.txt(r.data()), 200);
                if (!t.isEmpty()) return t;
            }
        }
        return null;
    }

    /** The product and version a version.bind text names, as nmap reads it. */
    static Service named(String text) {
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(text);
            if (m.find()) return Service.of("dns", rule.product(), m.group(1), text).withDetail("version_bind", text);
        }
        return Service.of("dns", null, null, text).withDetail("version_bind", text);
    }
}
