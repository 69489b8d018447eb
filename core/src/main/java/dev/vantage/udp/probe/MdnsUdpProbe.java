package dev.vantage.udp.probe;

import dev.vantage.probe.Service;
import dev.vantage.udp.UdpProbe;
import dev.vantage.udp.UdpProbeInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Multicast DNS on 5353, asked by unicast the way a "legacy" resolver would (RFC 6762 §6.7):
 * which service types does this host announce ({@code _services._dns-sd._udp.local} PTR)? A
 * responder that answers a stranger by unicast is reachable from outside its link.
 */
public final class MdnsUdpProbe implements UdpProbe {
    static final int ID = 0x5603;

    @Override
    public UdpProbeInfo info() {
        return new UdpProbeInfo("mdns", "mdns", Set.of(5353));
    }

    @Override
    public List<byte[]> requests() {
        return List.of(DnsWire.query(ID, "_services._dns-sd._udp.local", DnsWire.TYPE_PTR, DnsWire.CLASS_IN, false));
    }

    @Override
    public Optional<Service> parse(byte[] reply) {
        Optional<DnsWire.Message> m = DnsWire.parse(reply);
        if (m.isEmpty() || !m.get().header().response() || m.get().header().opcode() != 0) return Optional.empty();
        if (m.get().header().id() != ID && m.get().header().id() != 0) return Optional.empty();
        List<String> services = new ArrayList<>();
        for (DnsWire.Record r : m.get().answers()) {
            if (r.type() != DnsWire.TYPE_PTR || services.size() >= 16) continue;
            try {
                services.add(DnsWire.readName(reply, r.dataOffset()));
            } catch (RuntimeException e) {
                // a broken name in one record does not make the rest useless
            }
        }
        Service s = Service.of("mdns", null, null, null);
        return Optional.of(services.isEmpty() ? s : s.withDetail("services", String.join(", ", services)));
    }
}
