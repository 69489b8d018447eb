package dev.vantage.udp;

import dev.vantage.udp.probe.DnsUdpProbe;
import dev.vantage.udp.probe.IkeUdpProbe;
import dev.vantage.udp.probe.MdnsUdpProbe;
import dev.vantage.udp.probe.MemcachedUdpProbe;
import dev.vantage.udp.probe.NetbiosNsUdpProbe;
import dev.vantage.udp.probe.NtpUdpProbe;
import dev.vantage.udp.probe.SnmpUdpProbe;
import dev.vantage.udp.probe.SsdpUdpProbe;
import dev.vantage.udp.probe.TftpUdpProbe;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Every UDP probe Vantage knows: the built-ins, one per protocol of the key UDP set
 * ({@link UdpPorts}), then any found through {@link ServiceLoader}
 * ({@code META-INF/services/dev.vantage.udp.UdpProbe}).
 */
public final class UdpProbeRegistry {
    private UdpProbeRegistry() {}

    public static List<UdpProbe> builtins() {
        return List.of(new DnsUdpProbe(), new TftpUdpProbe(), new NtpUdpProbe(), new NetbiosNsUdpProbe(),
                new SnmpUdpProbe(), new IkeUdpProbe(), new SsdpUdpProbe(), new MdnsUdpProbe(), new MemcachedUdpProbe());
    }

    public static List<UdpProbe> all() {
        List<UdpProbe> all = new ArrayList<>(builtins());
        ServiceLoader.load(UdpProbe.class).forEach(all::add);
        return List.copyOf(all);
    }

    /** The first probe of {@code probes} that speaks on {@code port}, or null (the scan then sends a bare CR LF). */
    public static @Nullable UdpProbe forPort(List<UdpProbe> probes, int port) {
        for (UdpProbe p : probes) if (p.info().ports().contains(port)) return p;
        return null;
    }
}
