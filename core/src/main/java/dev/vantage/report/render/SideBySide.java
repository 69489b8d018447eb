package dev.vantage.report.render;

import dev.vantage.assess.AssessedHost;
import dev.vantage.assess.AssessedPort;
import dev.vantage.assess.CheckReport;
import dev.vantage.assess.OwnerView;
import dev.vantage.assess.Risk;
import dev.vantage.result.HostReport;
import dev.vantage.result.PortReport;
import dev.vantage.scan.PortState;
import dev.vantage.scan.Protocol;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The side-by-side view of a check: one row per port that answers on at least one host, one
 * column per host, as an ISP's check report lays out a customer's servers. A host where the port
 * did not answer gets the state it had there (closed or filtered, from the host's ranges).
 */
public record SideBySide(List<AssessedHost> hosts, List<Row> rows) {
    /** The state label of a port on a host where it is not listed and not in any range. */
    public static final String NOT_SCANNED = "not-scanned";

    public SideBySide {
        hosts = List.copyOf(hosts);
        rows = List.copyOf(rows);
    }

    /** A port on one host: its state label and, where the port was reported, its assessment. */
    public record Cell(String state, @Nullable AssessedPort port) {
        public boolean reachable() {
            return port != null && port.port().state().isReachable();
        }
    }

    /** An owner's view of a row's port on one host. */
    public record HostView(String host, OwnerView view) {}

    public record Row(int port, Protocol protocol, List<Cell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }

        /** The assessed ports of the hosts where this port answers, in host order. */
        public List<AssessedPort> reachable() {
            return cells.stream().filter(Cell::reachable).map(Cell::port).toList();
        }

        /** The knowledge-base service: an identified one if any host identified it. */
        public String serviceKey() {
            List<AssessedPort> r = reachable();
            return r.stream().filter(AssessedPort::identified).findFirst().or(() -> r.stream().findFirst())
                    .map(AssessedPort::serviceKey).orElse("unknown");
        }

        /** The highest stock rating among the hosts where the port answers. */
        public Risk stockRisk() {
            return reachable().stream().map(AssessedPort::stockRisk).reduce(Risk.INFO, Risk::max);
        }

        public String label() {
            return port + "/" + protocol.label();
        }
    }

    /** The owner's views of a row, one per host that has one. */
    public List<HostView> ownerViews(Row row) {
        List<HostView> out = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            Cell c = row.cells().get(i);
            if (c.reachable() && c.port().owner() != null) out.add(new HostView(hosts.get(i).label(), c.port().owner()));
        }
        return out;
    }

    public static SideBySide of(CheckReport report) {
        return of(report.hosts());
    }

    /** The table of some hosts: rows for the ports that answer on at least one of them. */
    public static SideBySide of(List<AssessedHost> hosts) {
        TreeSet<Integer> keys = new TreeSet<>();          // protocol ordinal × 65536 + port: TCP first, then by number
        for (AssessedHost h : hosts) {
            for (AssessedPort p : h.ports()) {
                if (p.port().state().isReachable()) keys.add(p.port().protocol().ordinal() * 65536 + p.port().port());
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int key : keys) {
            Protocol protocol = Protocol.values()[key / 65536];
            int port = key % 65536;
            List<Cell> cells = new ArrayList<>();
            for (AssessedHost h : hosts) cells.add(cell(h, protocol, port));
            rows.add(new Row(port, protocol, cells));
        }
        return new SideBySide(hosts, rows);
    }

    /** The hosts in groups of at most {@code size}, so that a table of many hosts stays readable. */
    static List<List<AssessedHost>> groups(List<AssessedHost> hosts, int size) {
        List<List<AssessedHost>> out = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i += size) out.add(hosts.subList(i, Math.min(hosts.size(), i + size)));
        return out;
    }

    static Cell cell(AssessedHost host, Protocol protocol, int port) {
        for (AssessedPort p : host.ports()) {
            if (p.port().port() == port && p.port().protocol() == protocol) return new Cell(p.port().state().label(), p);
        }
        return new Cell(unlistedState(host.host(), protocol, port), null);
    }

    /** The state label of a port on a host, listed or derived from the ranges ({@value #NOT_SCANNED} when unknown). */
    public static String stateOf(AssessedHost host, Protocol protocol, int port) {
        return cell(host, protocol, port).state();
    }

    /**
     * The state of a port a host's report does not list. TCP: from the closed and filtered ranges.
     * UDP: a check lists only the UDP ports that answered (all of them only with --show-all), so a
     * UDP port listed elsewhere but not here gave no answer: closed or silent, which UDP cannot tell
     * apart without the full list.
     */
    static String unlistedState(HostReport host, Protocol protocol, int port) {
        if (protocol == Protocol.UDP) return "no-reply";
        if (PortRangeText.contains(host.closed(), port)) return "closed";
        if (PortRangeText.contains(host.filtered(), port)) return "filtered";
        return NOT_SCANNED;
    }

    /** The reported ports of a host that are neither reachable nor shown in the table (UDP without reply). */
    static List<PortReport> udpWithoutReply(AssessedHost host) {
        return host.host().ports().stream().filter(p -> p.state() == PortState.OPEN_FILTERED).toList();
    }
}
