package dev.vantage.result;

import dev.vantage.scan.StateCounts;
import dev.vantage.target.Target;

import java.util.List;

/**
 * One address, fully examined.
 *
 * @param ports    the reachable ports (TCP open and open-restricted, UDP open and open|filtered),
 *                 or every scanned port when the run lists all; sorted by protocol then port
 * @param closed   TCP ports closed, as compact ranges
 * @param filtered TCP ports filtered, as compact ranges
 */
public record HostReport(Target target, List<PortReport> ports, StateCounts counts, String closed, String filtered,
                         long elapsedMillis) {
    public HostReport {
        if (!(ports instanceof PortListing)) ports = List.copyOf(ports);   // a listing is immutable already
    }

    /**
     * The same host without its quiet TCP ports ({@link PortReport#quiet()}): what a run that does
     * not list every port reports, which is all the assessment needs (the closed and filtered
     * ranges still say where each TCP port stands). UDP ports stay: they are few, and whether any
     * was scanned matters to the policy's deviations.
     */
    public HostReport withoutQuietTcpPorts() {
        List<PortReport> answering;
        if (ports instanceof PortListing listing) {
            answering = listing.answering();
        } else {
            answering = new java.util.ArrayList<>();
            for (PortReport p : ports) if (!p.quietTcp()) answering.add(p);
        }
        return answering.size() == ports.size() ? this : new HostReport(target, answering, counts, closed, filtered, elapsedMillis);
    }
}
