package dev.vantage.udp.probe;

import dev.vantage.probe.Service;
import dev.vantage.udp.UdpProbe;
import dev.vantage.udp.UdpProbeInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * SNMP on 161: a v1 GetRequest for sysDescr.0 under the community {@code public} and a v3
 * engine discovery request, sent together, so an agent that refuses {@code public} still
 * answers the second. Named as nmap -sV names it, whose version probes and snmp-info script
 * together give {@code SNMPv1 server} for a v1 answer, followed by {@code ; <enterprise> SNMPv3 server}
 * when the v3 engine ID names its enterprise (net-snmp's 8072 → {@code SNMPv1 server; net-snmp SNMPv3 server});
 * an agent answering only v3 becomes {@code net-snmp; net-snmp SNMPv3 server} (the probe's vendor name, then
 * the script's), or {@code <enterprise> SNMPv3 server} where nmap's probe has no vendor name.
 */
public final class SnmpUdpProbe implements UdpProbe {
    static final int REQUEST_ID = 0x56540001;
    static final int MESSAGE_ID = 0x5654;

    @Override
    public UdpProbeInfo info() {
        return new UdpProbeInfo("snmp", "snmp", Set.of(161));
    }

    @Override
    public List<byte[]> requests() {
        return List.of(SnmpMessages.get(SnmpMessages.V1, "public", REQUEST_ID, SnmpMessages.SYS_DESCR),
                SnmpMessages.v3Discovery(MESSAGE_ID));
    }

    @Override
    public Optional<Service> parse(byte[] reply) {
        return identify(List.of(reply));
    }

    @Override
    public Optional<Service> identify(List<byte[]> replies) {
        SnmpMessages.Response v1 = null;
        SnmpMessages.Report v3 = null;
        for (byte[] r : replies) {
            if (v1 == null) v1 = SnmpMessages.parseResponse(r).orElse(null);
            if (v3 == null) v3 = SnmpMessages.parseReport(r).orElse(null);
        }
        if (v1 == null && v3 == null) return Optional.empty();
        List<String> product = new ArrayList<>();
        if (v1 != null) product.add(v1.version() == SnmpMessages.V1 ? "SNMPv1 server" : "SNMPv2c server");
        else if (v3 != null && v3.nmapProduct() != null) product.add(v3.nmapProduct());
        if (v3 != null) product.add(v3.enterpriseName() + " SNMPv3 server");
        Service s = Service.of("snmp", String.join("; ", product), null, v1 != null && !v1.value().isEmpty()
                ? Wire.printable(v1.value(), 120) : null);
        if (v1 != null) {
            s = s.withDetail("community", v1.community());
            if (v1.errorStatus() == 0 && !v1.value().isEmpty()) s = s.withDetail("sysdescr", v1.value());
        }
        if (v3 != null) {
            s = s.withDetail("engine_id", hex(v3.engineId()));
            if (v3.enterprise() >= 0) s = s.withDetail("enterprise", String.valueOf(v3.enterprise()));
            s = s.withDetail("engine_boots", String.valueOf(v3.boots()));
        }
        return Optional.of(s);
    }

    static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(b.length, 32); i++) s.append(String.format("%02x", b[i] & 0xff));
        return s.toString();
    }
}
