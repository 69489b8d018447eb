package dev.vantage.udp.probe;

import dev.vantage.probe.Service;
import dev.vantage.udp.UdpProbe;
import dev.vantage.udp.UdpProbeInfo;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * NTP on 123: an ordinary client request. The reply names the protocol version, as nmap
 * reports it ({@code NTP v4}); stratum, reference and synchronisation go into the details.
 */
public final class NtpUdpProbe implements UdpProbe {
    @Override
    public UdpProbeInfo info() {
        return new UdpProbeInfo("ntp", "ntp", Set.of(123));
    }

    @Override
    public List<byte[]> requests() {
        return List.of(NtpPackets.clientRequest());
    }

    @Override
    public Optional<Service> parse(byte[] reply) {
        return NtpPackets.parseServerReply(reply).map(r -> {
            boolean windows = (reply[0] & 0xff) == 0xdc;      // how Windows' w32time answers while unsynchronised
            Service s = Service.of("ntp", windows ? "Microsoft NTP" : "NTP", windows ? null : "v" + r.version(), null)
                    .withDetail("stratum", String.valueOf(r.stratum()))
                    .withDetail("synchronised", String.valueOf(r.synchronised()));
            return r.refid().isEmpty() ? s : s.withDetail("refid", r.refid());
        });
    }
}
