package dev.vantage.probe.builtin;

import dev.vantage.probe.Connection;
import dev.vantage.probe.ProbeInfo;
import dev.vantage.probe.Service;
import dev.vantage.probe.ServiceProbe;
import dev.vantage.probe.dns.DnsMessage;
import dev.vantage.probe.dns.DnsRecord;
import dev.vantage.probe.dns.DnsTcp;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DNS over TCP: asks {@code version.bind} in the CHAOS class, as nmap does. Any well-formed reply
 * to our query proves DNS; the TXT answer, when the server discloses it, names the software. The
 * product names and version splits follow nmap's service database, so
 * {@code "9.18.49-1~deb12u3-Debian"} is ISC BIND {@code 9.18.49-1~deb12u3}.
 */
public final class DnsProbe implements ServiceProbe {
    public static final String VERSION_BIND = "version.bind";

    /** TXT text → product, version; first match wins (distribution suffixes before the generic BIND form). */
    private record Rule(Pattern pattern, String product, boolean hasVersion) {}

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("^(?:BIND )?(\\d[-\\w.+~]*?)-(?:RedHat|[Uu]buntu|[Dd]ebian|Raspbian)"), "ISC BIND", true),
            new Rule(Pattern.compile("^(?:BIND )?([89]\\.\\d+[\\w.+~-]*)"), "ISC BIND", true),
            new Rule(Pattern.compile("^dnsmasq-(\\S+)"), "dnsmasq", true),
            new Rule(Pattern.compile("^(?i:unbound) (\\S+)$"), "Unbound", true),
            new Rule(Pattern.compile("^(?i:unbound)$"), "Unbound", false),
            new Rule(Pattern.compile("^NSD (\\S+)"), "NLnet Labs NSD", true),
            new Rule(Pattern.compile("^Knot DNS (\\d[\\d.]*(?:-dev)?)"), "cz.nic Knot DNS", true),
            new Rule(Pattern.compile("^PowerDNS.Authoritative.Server.(\\d[\\w.-]+)"), "PowerDNS Authoritative Server", true),
            new Rule(Pattern.compile("^PowerDNS Recursor (\\d[\\w.-]+)"), "PowerDNS Recursor", true),
            new Rule(Pattern.compile("^Microsoft DNS (.+)"), "Microsoft DNS", true));

    @Override
    public ProbeInfo info() {
        return new ProbeInfo("dns", "dns", Set.of(53, 5353, 5300), true);
    }

    @Override
    public Optional<Service> query(Connection c) throws IOException {
        byte[] query = DnsMessage.query(DnsTcp.newId(), VERSION_BIND, DnsMessage.TYPE_TXT, DnsMessage.CLASS_CH, false);
        try {
            return Optional.of(identify(DnsTcp.exchange(c, query)));
        } catch (IOException e) {
            return Optional.empty();   // silent, closed, or not DNS
        }
    }

    /** What a reply to the version.bind query says about the server; public for the corpus tests. */
    public static Service identify(DnsMessage reply) {
        String text = versionText(reply).orElse(null);
        String product = null;
        String version = null;
        if (text != null) {
            for (Rule r : RULES) {
                Matcher m = r.pattern().matcher(text);
                if (!m.find()) continue;
                product = r.product();
                version = r.hasVersion() ? m.group(1) : null;
                break;
            }
        } else if (hidesBindVersion(reply)) {
            product = "ISC BIND";   // BIND's own answer to version.bind when `version none;` is set
        }
        Service s = new Service("dns", product, version, false,
                text != null ? "version.bind: " + text : "version.bind: " + reply.rcodeName(), java.util.Map.of());
        if (text != null) s = s.withDetail("version_bind", text);
        return s;
    }

    /** The TXT answer to a version.bind / version.server query, when there is one. */
    public static Optional<String> versionText(DnsMessage reply) {
        if (reply.rcode() != DnsMessage.NOERROR) return Optional.empty();
        for (DnsRecord r : reply.answers()) {
            if (r.type() == DnsMessage.TYPE_TXT && !r.data().isBlank()) return Optional.of(r.data().strip());
        }
        return Optional.empty();
    }

    /** BIND with a hidden version answers with no TXT and the SOA of its built-in version.bind zone. */
    private static boolean hidesBindVersion(DnsMessage reply) {
        if (!reply.answers().isEmpty()) return false;
        for (DnsRecord r : reply.authority()) {
            if (r.type() == DnsMessage.TYPE_SOA && r.klass() == DnsMessage.CLASS_CH && r.name().equalsIgnoreCase(VERSION_BIND)
                    && r.data().toLowerCase(java.util.Locale.ROOT).contains(" hostmaster.version.bind ")) {
                return true;
            }
        }
        return false;
    }
}
