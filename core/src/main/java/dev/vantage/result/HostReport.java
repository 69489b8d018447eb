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
        ports = List.copyOf(ports);
    }
}
