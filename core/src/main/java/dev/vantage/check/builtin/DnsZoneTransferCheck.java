package dev.vantage.check.builtin;

import dev.vantage.check.Check;
import dev.vantage.check.CheckContext;
import dev.vantage.check.CheckInfo;
import dev.vantage.check.Finding;
import dev.vantage.probe.Connection;
import dev.vantage.probe.dns.DnsExchange;
import dev.vantage.probe.dns.DnsMessage;
import dev.vantage.probe.dns.DnsRecord;
import dev.vantage.probe.dns.DnsTcp;
import dev.vantage.target.Target;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Asks for a full copy (AXFR) of each zone the server is authoritative for. The zones are found
 * without outside help:
 * <ol>
 *   <li>zone hints given to the check (the owner's domains);</li>
 *   <li>the target's host name and its parent domains, when it was given by name;</li>
 *   <li>the server's own answer for the reverse name of its address (PTR): the name it points to
 *       and that name's parents, and the reverse zone itself.</li>
 * </ol>
 * Each candidate is asked for its SOA without recursion; an authoritative reply names the zone
 * apex (in the answer, or in the authority section for a name inside a zone). Only those zones
 * are transferred: a transfer that starts with the zone's SOA and carries records is the finding.
 * Nothing is written; an AXFR is a read.
 */
public final class DnsZoneTransferCheck implements Check {
    public static final String FINDING = "dns-zone-transfer";
    private static final int MAX_CANDIDATES = 12;
    private static final int MAX_ZONES = 4;
    private static final int MAX_MESSAGES = 64;
    private static final int SAMPLE_NAMES = 6;

    private final List<String> zoneHints;

    public DnsZoneTransferCheck() {
        this(List.of());
    }

    /** @param zoneHints zones to try in any case (for example from the owner's settings) */
    public DnsZoneTransferCheck(List<String> zoneHints) {
        this.zoneHints = List.copyOf(zoneHints);
    }

    @Override
    public CheckInfo info() {
        return new CheckInfo("dns-axfr", Set.of("dns"), 2, false, Set.of(FINDING));
    }

    @Override
    public List<Finding> run(CheckContext context) throws IOException {
        if (DnsTransport.isUdp(context)) return List.of();   // AXFR is TCP only (RFC 5936): the TCP port's check asks
        DnsExchange dns = DnsOverTcp.of(context);
        List<Finding> findings = new ArrayList<>();
        for (String zone : authoritativeZones(dns, candidates(context.target(), dns))) {
            try (Connection c = context.connect()) {
                transfer(c, zone).ifPresent(evidence -> findings.add(new Finding(FINDING, "dns-axfr", evidence)));
            }
        }
        return findings;
    }

    /** Names that may lie in a zone of this server, most specific first. */
    List<String> candidates(Target target, DnsExchange dns) {
        Set<String> names = new LinkedHashSet<>();
        for (String hint : zoneHints) names.add(normal(hint));
        if (!isAddressLiteral(target.name())) names.addAll(withParents(target.name()));
        String reverse = DnsMessage.reverseName(target.address().getAddress());
        try {
            DnsMessage ptr = dns.exchange(DnsMessage.query(DnsTcp.newId(), reverse, DnsMessage.TYPE_PTR, DnsMessage.CLASS_IN, false));
            for (DnsRecord r : ptr.answers()) {
                if (r.type() == DnsMessage.TYPE_PTR) names.addAll(withParents(r.data()));
            }
            if (ptr.authoritative()) names.add(reverse);
        } catch (IOException e) {
            // no PTR answer: the other sources may still name a zone
        }
        names.remove(".");
        names.remove("");
        return names.stream().limit(MAX_CANDIDATES).toList();
    }

    /** The apexes of the zones this server answers authoritatively for, among the candidates. */
    static List<String> authoritativeZones(DnsExchange dns, List<String> candidates) throws IOException {
        Set<String> zones = new LinkedHashSet<>();
        IOException last = null;
        int answered = 0;
        for (String name : candidates) {
            if (zones.size() >= MAX_ZONES) break;
            DnsMessage reply;
            try {
                reply = dns.exchange(DnsMessage.query(DnsTcp.newId(), name, DnsMessage.TYPE_SOA, DnsMessage.CLASS_IN, false));
            } catch (IOException e) {
                last = e;
                continue;
            }
            answered++;
            zoneApex(reply).ifPresent(zones::add);
        }
        if (answered == 0 && last != null) throw last;
        return List.copyOf(zones);
    }

    /** The zone an authoritative reply to a SOA query speaks for (pure). */
    static Optional<String> zoneApex(DnsMessage reply) {
        if (!reply.authoritative() || (reply.rcode() != DnsMessage.NOERROR && reply.rcode() != DnsMessage.NXDOMAIN)) {
            return Optional.empty();
        }
        for (List<DnsRecord> section : List.of(reply.answers(), reply.authority())) {
            for (DnsRecord r : section) {
                if (r.type() == DnsMessage.TYPE_SOA && r.klass() == DnsMessage.CLASS_IN && !r.name().equals(".")) {
                    return Optional.of(normal(r.name()));
                }
            }
        }
        return Optional.empty();
    }

    /** Runs one AXFR and describes what came back, or empty when the server refused. */
    static Optional<String> transfer(Connection c, String zone) throws IOException {
        DnsTcp.send(c, DnsMessage.query(DnsTcp.newId(), zone, DnsMessage.TYPE_AXFR, DnsMessage.CLASS_IN, false));
        Transfer t = new Transfer(zone);
        for (int i = 0; i < MAX_MESSAGES && !t.complete(); i++) {
            DnsMessage m;
            try {
                m = DnsTcp.receive(c);
            } catch (IOException e) {
                if (i == 0) throw e;
                break;   // the part we have is proof enough
            }
            if (!t.add(m)) break;
        }
        return t.evidence();
    }

    /** The state of one transfer as its messages arrive (pure, for tests). */
    static final class Transfer {
        private final String zone;
        private final List<String> sample = new ArrayList<>();
        private int records;
        private int soas;
        private boolean refused;

        Transfer(String zone) {
            this.zone = zone;
        }

        /** Adds one message; false when the transfer ended or was refused. */
        boolean add(DnsMessage m) {
            if (m.rcode() != DnsMessage.NOERROR || (records == 0 && (m.answers().isEmpty()
                    || m.answers().get(0).type() != DnsMessage.TYPE_SOA))) {
                refused = records == 0;
                return false;
            }
            for (DnsRecord r : m.answers()) {
                records++;
                if (r.type() == DnsMessage.TYPE_SOA) soas++;
                else if (sample.size() < SAMPLE_NAMES && !sample.contains(r.name())) sample.add(r.name());
            }
            return true;
        }

        boolean complete() {
            return soas >= 2;
        }

        Optional<String> evidence() {
            int content = records - soas;
            if (refused || content <= 0) return Optional.empty();
            String more = complete() ? "" : " (stopped reading before the end)";
            return Optional.of("AXFR of " + zone + " was answered with " + content + " records" + more
                    + (sample.isEmpty() ? "" : ", e.g. " + String.join(", ", sample)));
        }
    }

    private static List<String> withParents(String name) {
        List<String> out = new ArrayList<>();
        String n = normal(name);
        for (int i = 0; i < 6 && n.indexOf('.') > 0; i++) {
            out.add(n);
            n = n.substring(n.indexOf('.') + 1);
        }
        return out;
    }

    static String normal(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return n.endsWith(".") && n.length() > 1 ? n.substring(0, n.length() - 1) : n;
    }

    static boolean isAddressLiteral(String name) {
        return name.indexOf(':') >= 0 || name.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }
}
