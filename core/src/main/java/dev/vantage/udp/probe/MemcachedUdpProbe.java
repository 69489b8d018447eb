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
 * memcached on 11211 over UDP: the text command {@code version} behind the 8-byte UDP frame
 * header (request id, sequence, datagram count, reserved). A short question with a one-datagram
 * answer; the checks ask {@code stats} to show what it gives away.
 */
public final class MemcachedUdpProbe implements UdpProbe {
    static final int REQUEST_ID = 0x5654;
    private static final Pattern VERSION = Pattern.compile("^VERSION ([^\\r\\n ]+)");

    @Override
    public UdpProbeInfo info() {
        return new UdpProbeInfo("memcached", "memcached", Set.of(11211));
    }

    @Override
    public List<byte[]> requests() {
        return List.of(frame(REQUEST_ID, "version\r\n"));
    }

    /** A text command in a single-datagram UDP frame. */
    public static byte[] frame(int requestId, String command) {
        byte[] body = command.getBytes(StandardCharsets.US_ASCII);
        byte[] p = new byte[8 + body.length];
        p[0] = (byte) (requestId >> 8);
        p[1] = (byte) requestId;
        p[5] = 1;                                        // one datagram
        System.arraycopy(body, 0, p, 8, body.length);
        return p;
    }

    /** The text of a reply datagram after its frame header, or empty if the header is not a reply frame. */
    public static Optional<String> payload(byte[] r) {
        if (r.length < 8 || r[6] != 0 || r[7] != 0) return Optional.empty();
        int total = Wire.u16(r, 4);
        int seq = Wire.u16(r, 2);
        if (total == 0 || seq >= total) return Optional.empty();
        return Optional.of(new String(r, 8, r.length - 8, StandardCharsets.ISO_8859_1));
    }

    @Override
    public Optional<Service> parse(byte[] r) {
        Optional<String> text = payload(r);
        if (text.isEmpty()) return Optional.empty();
        Matcher m = VERSION.matcher(text.get());
        if (m.find()) return Optional.of(Service.of("memcached", "Memcached", m.group(1), Wire.printable(m.group(0), 80)));
        if (text.get().startsWith("STAT ") || text.get().startsWith("ERROR")) {
            return Optional.of(Service.of("memcached", "Memcached", null, Wire.printable(text.get(), 80)));
        }
        return Optional.empty();
    }
}
