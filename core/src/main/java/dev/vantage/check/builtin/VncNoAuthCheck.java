package dev.vantage.check.builtin;

import dev.vantage.check.Check;
import dev.vantage.check.CheckContext;
import dev.vantage.check.CheckInfo;
import dev.vantage.check.Finding;
import dev.vantage.probe.Connection;
import dev.vantage.probe.builtin.VncProbe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Does the VNC server offer security type 1, "None"? The check answers the server's version
 * greeting and reads the list of security types (RFC 6143 §7.1.2), then hangs up: it never
 * chooses a type, so no desktop session starts.
 */
public final class VncNoAuthCheck implements Check {
    public static final String FINDING = "vnc-no-auth";
    private static final String ID = "vnc-auth";

    @Override
    public CheckInfo info() {
        return new CheckInfo(ID, Set.of("vnc"), 2, false, Set.of(FINDING));
    }

    @Override
    public List<Finding> run(CheckContext ctx) throws IOException {
        try (Connection c = ctx.connect()) {
            byte[] greeting = c.readExactly(12);
            Optional<int[]> v = VncProbe.version(greeting);
            if (v.isEmpty()) return List.of();
            boolean old = v.get()[0] == 3 && v.get()[1] < 7;
            c.write((old ? "RFB 003.003\n" : v.get()[0] == 3 && v.get()[1] == 7 ? "RFB 003.007\n" : "RFB 003.008\n")
                    .getBytes(StandardCharsets.US_ASCII));
            List<Integer> types = new ArrayList<>();
            if (old) {
                byte[] t = c.readExactly(4);
                types.add(((t[0] & 0xff) << 24) | ((t[1] & 0xff) << 16) | ((t[2] & 0xff) << 8) | (t[3] & 0xff));
            } else {
                byte[] n = c.readAvailable(1, Duration.ofSeconds(3));
                if (n.length == 0 || n[0] == 0) return List.of();   // no types: the server refused us, with a reason
                for (byte b : c.readExactly(n[0] & 0xff)) types.add(b & 0xff);
            }
            return judge(types);
        }
    }

    /** The verdict on the offered security types; public for the tests. */
    public static List<Finding> judge(List<Integer> types) {
        if (!types.contains(1)) return List.of();
        List<String> names = types.stream().map(VncNoAuthCheck::typeName).toList();
        return List.of(new Finding(FINDING, ID, "security types offered: " + String.join(", ", names)));
    }

    private static String typeName(int t) {
        return switch (t) {
            case 1 -> "None (1)";
            case 2 -> "VNC password (2)";
            case 16 -> "Tight (16)";
            case 18 -> "TLS (18)";
            case 19 -> "VeNCrypt (19)";
            case 30, 35 -> "Apple (" + t + ")";
            default -> String.valueOf(t);
        };
    }
}
