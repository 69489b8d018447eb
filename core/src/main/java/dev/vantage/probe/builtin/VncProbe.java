package dev.vantage.probe.builtin;

import dev.vantage.probe.Connection;
import dev.vantage.probe.ProbeInfo;
import dev.vantage.probe.Service;
import dev.vantage.probe.ServiceProbe;
import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * VNC (RFB, RFC 6143) greets first with its protocol version: {@code RFB 003.008\n}. Named as
 * nmap names it: {@code VNC} with the protocol in the details, except for the few versions that
 * name their product (Apple Remote Desktop's 3.889, RealVNC's 4.x and 5.0).
 */
public final class VncProbe implements ServiceProbe {
    private static final Pattern RFB = Pattern.compile("^RFB (\\d{3})\\.(\\d{3})\n");

    @Override
    public ProbeInfo info() {
        return new ProbeInfo("vnc", "vnc", Set.of(5900, 5901, 5902, 5903), false);
    }

    @Override
    public Optional<Service> fromGreeting(byte[] greeting) {
        return parse(greeting);
    }

    public static Optional<Service> parse(byte[] greeting) {
        String text = new String(greeting, 0, Math.min(greeting.length, 12), StandardCharsets.ISO_8859_1);
        Matcher m = RFB.matcher(text);
        if (!m.find()) return Optional.empty();
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        Service s = Service.of("vnc", product(major, minor), null, text.strip()).withDetail("protocol", major + "." + minor);
        return Optional.of(s);
    }

    /** The major and minor protocol version of a greeting, if it is one. */
    public static Optional<int[]> version(byte[] greeting) {
        Matcher m = RFB.matcher(new String(greeting, 0, Math.min(greeting.length, 12), StandardCharsets.ISO_8859_1));
        if (!m.find()) return Optional.empty();
        return Optional.of(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))});
    }

    private static @Nullable String product(int major, int minor) {
        if (major == 3 && (minor == 888 || minor == 889)) return "Apple remote desktop vnc";
        if (major == 4 && minor == 0) return "RealVNC Personal";
        if (major == 4 && minor == 1) return "RealVNC Enterprise";
        if (major == 5 && minor == 0) return "RealVNC Enterprise";
        return "VNC";
    }
}
