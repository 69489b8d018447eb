package dev.vantage.report.diff;

import dev.vantage.assess.AssessedFinding;
import dev.vantage.assess.AssessedHost;
import dev.vantage.assess.AssessedPort;
import dev.vantage.assess.CheckReport;
import dev.vantage.probe.Service;
import dev.vantage.report.render.SideBySide;
import dev.vantage.scan.Protocol;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What changed between two checks: per host (matched by address), the ports that answer now or
 * no longer, state changes among answering ports, other software answering, findings new and
 * resolved, and changes of the effective risk. Hosts only in one of the checks are listed as new
 * or gone with their answering ports. Pure: two reports in, one value out.
 */
public record ReportDiff(Instant oldStartedAt, Instant newStartedAt, List<HostDiff> hosts) {
    public ReportDiff {
        hosts = List.copyOf(hosts);
    }

    /** True when nothing changed on any host. */
    public boolean isEmpty() {
        return hosts.stream().allMatch(HostDiff::isEmpty);
    }

    public static ReportDiff between(CheckReport old, CheckReport current) {
        Map<String, AssessedHost> before = byAddress(old);
        Map<String, AssessedHost> after = byAddress(current);
        List<HostDiff> out = new ArrayList<>();
        for (Map.Entry<String, AssessedHost> e : after.entrySet()) {
            AssessedHost was = before.get(e.getKey());
            AssessedHost now = e.getValue();
            if (was == null) {
                out.add(new HostDiff(e.getKey(), now.label(), HostDiff.Presence.NEW, ports(null, now)));
            } else {
                out.add(new HostDiff(e.getKey(), now.label(), HostDiff.Presence.BOTH, ports(was, now)));
            }
        }
        for (Map.Entry<String, AssessedHost> e : before.entrySet()) {
            if (!after.containsKey(e.getKey())) {
                out.add(new HostDiff(e.getKey(), e.getValue().label(), HostDiff.Presence.GONE, ports(e.getValue(), null)));
            }
        }
        return new ReportDiff(old.run().startedAt(), current.run().startedAt(), out);
    }

    private static Map<String, AssessedHost> byAddress(CheckReport report) {
        Map<String, AssessedHost> m = new LinkedHashMap<>();
        for (AssessedHost h : report.hosts()) m.putIfAbsent(h.host().target().addressText(), h);
        return m;
    }

    /** The changes of every port that answers in either check, TCP before UDP, by number. */
    private static List<Change> ports(@Nullable AssessedHost was, @Nullable AssessedHost now) {
        Map<Integer, Protocol> keys = new TreeMap<>();
        for (AssessedHost h : new AssessedHost[] {was, now}) {
            if (h == null) continue;
            for (AssessedPort p : h.ports()) {
                if (p.port().state().isReachable()) keys.put(p.port().protocol().ordinal() * 65536 + p.port().port(), p.port().protocol());
            }
        }
        List<Change> out = new ArrayList<>();
        for (Map.Entry<Integer, Protocol> k : keys.entrySet()) {
            int port = k.getKey() % 65536;
            Protocol protocol = k.getValue();
            port(was, now, protocol, port, out);
        }
        return out;
    }

    private static void port(@Nullable AssessedHost was, @Nullable AssessedHost now, Protocol protocol, int port, List<Change> out) {
        AssessedPort a = reachable(was, protocol, port);
        AssessedPort b = reachable(now, protocol, port);
        String proto = protocol.label();
        if (a == null && b != null) {
            String before = was == null ? null : SideBySide.stateOf(was, protocol, port);
            out.add(new Change(Change.Kind.PORT_NEW, port, proto, before, b.port().state().label(), describe(b.port().service())));
            findings(List.of(), b.findings(), port, proto, out);
        } else if (a != null && b == null) {
            String after = now == null ? null : SideBySide.stateOf(now, protocol, port);
            out.add(new Change(Change.Kind.PORT_GONE, port, proto, a.port().state().label(), after, describe(a.port().service())));
            findings(a.findings(), List.of(), port, proto, out);
        } else if (a != null && b != null) {
            if (a.port().state() != b.port().state()) {
                out.add(new Change(Change.Kind.STATE, port, proto, a.port().state().label(), b.port().state().label(), null));
            }
            String sa = describe(a.port().service());
            String sb = describe(b.port().service());
            if (sa != null && sb != null && !sa.equals(sb)) out.add(new Change(Change.Kind.SERVICE, port, proto, sa, sb, null));
            findings(a.findings(), b.findings(), port, proto, out);
            if (a.effectiveRisk() != b.effectiveRisk()) {
                out.add(new Change(Change.Kind.RISK, port, proto, a.effectiveRisk().label(), b.effectiveRisk().label(), null));
            }
        }
    }

    private static void findings(List<AssessedFinding> was, List<AssessedFinding> now, int port, String proto, List<Change> out) {
        List<String> before = was.stream().map(f -> f.finding().id()).toList();
        List<String> after = now.stream().map(f -> f.finding().id()).toList();
        for (AssessedFinding f : now) {
            if (!before.contains(f.finding().id())) {
                out.add(new Change(Change.Kind.FINDING_NEW, port, proto, null, f.finding().id(), f.finding().evidence()));
            }
        }
        for (AssessedFinding f : was) {
            if (!after.contains(f.finding().id())) {
                out.add(new Change(Change.Kind.FINDING_RESOLVED, port, proto, f.finding().id(), null, f.finding().evidence()));
            }
        }
    }

    private static @Nullable AssessedPort reachable(@Nullable AssessedHost host, Protocol protocol, int port) {
        if (host == null) return null;
        for (AssessedPort p : host.ports()) {
            if (p.port().port() == port && p.port().protocol() == protocol && p.port().state().isReachable()) return p;
        }
        return null;
    }

    /** "smtp Postfix smtpd 3.7", or null when nothing was identified. */
    private static @Nullable String describe(@Nullable Service s) {
        if (s == null || s.name().equals("unknown") && s.product() == null) return null;
        return Objects.equals(s.describe(), s.name()) ? s.name() : s.name() + " " + s.describe();
    }
}
