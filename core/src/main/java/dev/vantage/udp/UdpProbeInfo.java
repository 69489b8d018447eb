package dev.vantage.udp;

import java.util.Set;

/**
 * The descriptor of a UDP probe.
 *
 * @param id      a stable name, e.g. {@code snmp}
 * @param service the service name it identifies (as in the knowledge base: {@code snmp}, {@code ntp}, ...)
 * @param ports   the ports whose scan sends this probe's requests
 */
public record UdpProbeInfo(String id, String service, Set<Integer> ports) {
    public UdpProbeInfo {
        ports = Set.copyOf(ports);
        for (int p : ports) if (p < 1 || p > 65535) throw new IllegalArgumentException("port out of range: " + p);
    }
}
