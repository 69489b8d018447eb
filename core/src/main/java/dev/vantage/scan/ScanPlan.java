package dev.vantage.scan;

/** The size of a scan: {@code hosts × ports} probes before retransmissions. */
public record ScanPlan(int hosts, int portsPerHost, Protocol protocol) {
    public long totalPorts() {
        return (long) hosts * portsPerHost;
    }
}
