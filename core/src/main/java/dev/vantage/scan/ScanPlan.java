package dev.vantage.scan;

/**
 * The size of a scan: {@code hosts × ports} probes before retransmissions.
 *
 * @param method how the ports are asked: {@code connect} or {@code syn} (TCP), {@code udp}
 */
public record ScanPlan(int hosts, int portsPerHost, Protocol protocol, String method) {
    public long totalPorts() {
        return (long) hosts * portsPerHost;
    }
}
