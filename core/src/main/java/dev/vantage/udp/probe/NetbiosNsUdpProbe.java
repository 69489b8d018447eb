package dev.vantage.udp.probe;

import dev.vantage.probe.Service;
import dev.vantage.udp.UdpProbe;
import dev.vantage.udp.UdpProbeInfo;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The NetBIOS name service on 137: a node status request for the wildcard name "*" (RFC 1002
 * §4.2.17, what {@code nmblookup -A} sends). The answer lists the machine's NetBIOS names —
 * computer, workgroup or domain, sometimes the logged-in user — and its MAC address. Samba
 * reports an all-zero MAC, which is how nmap tells {@code Samba nmbd} from Windows.
 */
public final class NetbiosNsUdpProbe implements UdpProbe {
    static final int ID = 0x5604;
    private static final int TYPE_NBSTAT = 0x21;

    /** One name of the node status table. */
    public record NbName(String name, int suffix, boolean group) {
        @Override
        public String toString() {
            return name + "<" + String.format("%02x", suffix) + ">" + (group ? " group" : "");
        }
    }

    /** A node status answer. */
    public record NodeStatus(List<NbName> names, String mac) {
        public NodeStatus {
            names = List.copyOf(names);
        }

        /** The computer name: the first unique name of suffix 00 or 20. */
        public Optional<String> computer() {
            return names.stream().filter(n -> !n.group() && (n.suffix() == 0 || n.suffix() == 0x20)).map(NbName::name).findFirst();
        }

        /** The workgroup or domain: the first group name of suffix 00. */
        public Optional<String> workgroup() {
            return names.stream().filter(n -> n.group() && n.suffix() == 0 && !n.name().startsWith("\u0001"))
                    .map(NbName::name).findFirst();
        }

        /** A user name: a unique name of suffix 03 other than the computer's. */
        public Optional<String> user() {
            String computer = computer().orElse("");
            return names.stream().filter(n -> !n.group() && n.suffix() == 3 && !n.name().equalsIgnoreCase(computer))
                    .map(NbName::name).findFirst();
        }

        public boolean samba() {
            return mac.equals("00:00:00:00:00:00");
        }
    }

    @Override
    public UdpProbeInfo info() {
        return new UdpProbeInfo("netbios-ns", "netbios-ns", Set.of(137));
    }

    @Override
    public List<byte[]> requests() {
        return List.of(nodeStatusRequest(ID));
    }

    /** A node status request for "*". */
    public static byte[] nodeStatusRequest(int id) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) (id >> 8), (byte) id, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0x20});
        byte[] name = new byte[16];
        name[0] = '*';
        for (byte b : name) {
            out.write('A' + ((b >> 4) & 0xf));
            out.write('A' + (b & 0xf));
        }
        out.writeBytes(new byte[] {0, 0, TYPE_NBSTAT, 0, 1});
        return out.toByteArray();
    }

    /** Reads a node status answer; empty for anything else. */
    public static Optional<NodeStatus> parseNodeStatus(byte[] reply) {
        Optional<DnsWire.Message> m = DnsWire.parse(reply);
        if (m.isEmpty() || !m.get().header().response()) return Optional.empty();
        for (DnsWire.Record r : m.get().answers()) {
            if (r.type() != TYPE_NBSTAT) continue;
            try {
                byte[] d = r.data();
                int count = Wire.u8(d, 0);
                List<NbName> names = new ArrayList<>();
                int at = 1;
                for (int i = 0; i < count && i < 64; i++, at += 18) {
                    String name = Wire.printable(Wire.ascii(d, at, 15), 15);
                    int suffix = Wire.u8(d, at + 15);
                    boolean group = (Wire.u16(d, at + 16) & 0x8000) != 0;
                    names.add(new NbName(name, suffix, group));
                }
                byte[] mac = Wire.slice(d, at, 6);
                StringBuilder macText = new StringBuilder();
                for (byte b : mac) macText.append(macText.isEmpty() ? "" : ":").append(String.format("%02x", b & 0xff));
                return Optional.of(new NodeStatus(names, macText.toString()));
            } catch (Wire.Truncated e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<Service> parse(byte[] reply) {
        return parseNodeStatus(reply).map(ns -> {
            Service s = Service.of("netbios-ns", ns.samba() ? "Samba nmbd netbios-ns" : "Microsoft Windows netbios-ns", null,
                    null).withDetail("names", String.join(", ", ns.names().stream().map(NbName::toString).toList()))
                    .withDetail("mac", ns.mac());
            if (ns.computer().isPresent()) s = s.withDetail("hostname", ns.computer().get());
            if (ns.workgroup().isPresent()) s = s.withDetail("workgroup", ns.workgroup().get());
            if (ns.user().isPresent()) s = s.withDetail("user", ns.user().get());
            return s;
        });
    }
}
