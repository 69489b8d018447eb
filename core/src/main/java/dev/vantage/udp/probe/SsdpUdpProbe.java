package dev.vantage.udp.probe;

import dev.vantage.probe.Service;
import dev.vantage.udp.UdpProbe;
import dev.vantage.udp.UdpProbeInfo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SSDP (UPnP discovery) on 1900: a unicast {@code M-SEARCH} for every device type. A router that
 * answers from outside describes itself (SERVER header) and points to its control URL (LOCATION).
 */
public final class SsdpUdpProbe implements UdpProbe {
    private static final Pattern STATUS = Pattern.compile("^HTTP/1\\.[01] (\\d{3})");
    private static final Pattern SERVER = Pattern.compile("(?im)^server:[ \\t]*([^\\r\\n]+)");
    private static final Pattern LOCATION = Pattern.compile("(?im)^location:[ \\t]*([^\\r\\n]+)");
    private static final Pattern MINIUPNPD = Pattern.compile("(?i)miniupnpd/([\\w.]+)");

    @Override
    public UdpProbeInfo info() {
        return new UdpProbeInfo("ssdp", "ssdp", Set.of(1900));
    }

    @Override
    public List<byte[]> requests() {
        return List.of(("M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: \"ssdp:discover\"\r\nMX: 1\r\n"
                + "ST: ssdp:all\r\nUSER-AGENT: vantage-check\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public Optional<Service> parse(byte[] r) {
        String text = new String(r, 0, Math.min(r.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher status = STATUS.matcher(text);
        if (!status.find()) return Optional.empty();
        if (!text.toLowerCase(java.util.Locale.ROOT).contains("\nst:") && !text.toLowerCase(java.util.Locale.ROOT).contains("\nusn:")) {
            return Optional.empty();                        // an HTTP answer, but not a discovery answer
        }
        String product = null;
        String version = null;
        Matcher server = SERVER.matcher(text);
        String serverText = server.find() ? Wire.printable(server.group(1), 160) : null;
        if (serverText != null) {
            Matcher mini = MINIUPNPD.matcher(serverText);
            if (mini.find()) {
                product = "MiniUPnP";
                version = mini.group(1);
            }
        }
        Service s = Service.of("ssdp", product, version, Wire.printable(status.group(0), 40));
        if (serverText != null) s = s.withDetail("server", serverText);
        Matcher location = LOCATION.matcher(text);
        if (location.find()) s = s.withDetail("location", Wire.printable(location.group(1), 200));
        return Optional.of(s);
    }
}
