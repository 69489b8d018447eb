package dev.vantage;

import dev.vantage.result.PortReport;
import dev.vantage.scan.PortResult;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * One host's ports for a full listing (--show-all), gathered in port order while the scanner
 * decides them. The scanner visits ports in a shuffled order; a large listing (a full scan is
 * 65 535 ports) puts each report at its port number as it comes, on the scanner's threads and
 * spread over the scan, so that when the host is done its listing is one array copy away
 * (a contiguous range, the usual case) instead of a sort or several passes after the scan.
 * Not thread-safe: the scanner calls it under its own lock.
 */
final class DecidedPorts {
    /** From this many ports per host on, reports go straight to their place in a by-port array. */
    static final int BY_PORT_FROM = 1024;

    /** Indexed by port number, or null for small listings and after a port came twice. */
    private PortReport[] byPort;
    private final List<PortReport> listed;
    private int count;
    private int lowest = Integer.MAX_VALUE;
    private int highest = -1;

    DecidedPorts(int portsPerHost) {
        if (portsPerHost >= BY_PORT_FROM) {
            byPort = new PortReport[65536];
            listed = new ArrayList<>();
        } else {
            listed = new ArrayList<>(Math.max(0, portsPerHost));
        }
    }

    void add(PortResult r) {
        PortReport p = PortReport.of(r);
        int port = r.port();
        if (byPort != null && byPort[port] == null) {
            byPort[port] = p;
            count++;
            lowest = Math.min(lowest, port);
            highest = Math.max(highest, port);
            return;
        }
        if (byPort != null) spill();   // a port decided twice: keep every entry and sort at the end
        listed.add(p);
    }

    /** The reports so far, by port number (entries for one port in the order they came). */
    PortReport[] inPortOrder() {
        if (byPort != null) {
            if (count == 0) return new PortReport[0];
            if (count == highest - lowest + 1) return Arrays.copyOfRange(byPort, lowest, highest + 1);
            PortReport[] out = new PortReport[count];
            int k = 0;
            for (int port = lowest; port <= highest; port++) if (byPort[port] != null) out[k++] = byPort[port];
            return out;
        }
        PortReport[] out = listed.toArray(new PortReport[0]);
        Arrays.sort(out, Comparator.comparingInt(PortReport::port));   // stable: a port's entries keep their order
        return out;
    }

    /**
     * The reports so far by port, from the lowest port decided to the highest, with null where a
     * port in between has no verdict yet (or is not scanned); null for small listings and after a
     * port came twice. A copy: the scanner goes on filling the original.
     */
    @Nullable PortReport[] decidedSoFar() {
        if (byPort == null || count == 0) return null;
        return Arrays.copyOfRange(byPort, lowest, highest + 1);
    }

    private void spill() {
        for (int port = lowest; port <= highest; port++) if (byPort[port] != null) listed.add(byPort[port]);
        byPort = null;
    }
}
