package dev.vantage.probe.builtin;

import dev.vantage.probe.Connection;
import dev.vantage.probe.ProbeInfo;
import dev.vantage.probe.Service;
import dev.vantage.probe.ServiceProbe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Apple Filing Protocol on 548: DSIGetStatus, which any AFP server answers before login with
 * its FPGetSrvrInfo block — server name, machine type, AFP versions and login methods (UAMs).
 * Netatalk puts its version in the machine type ({@code Netatalk3.1.12}), as nmap reads it.
 */
public final class AfpProbe implements ServiceProbe {
    static final byte[] GET_STATUS = {0, 3, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final Pattern NETATALK = Pattern.compile("^Netatalk([\\w.-]+)$");

    /** What the server said about itself. */
    public record ServerInfo(String name, String machine, List<String> versions, List<String> uams) {
        public ServerInfo {
            versions = List.copyOf(versions);
            uams = List.copyOf(uams);
        }
    }

    @Override
    public ProbeInfo info() {
        return new ProbeInfo("afp", "afp", Set.of(548), true);
    }

    @Override
    public Optional<Service> query(Connection c) throws IOException {
        c.write(GET_STATUS);
        return parse(c.readAvailable(16 * 1024, DataProbes.firstReplyWait(this, c)));
    }

    /** Recognises a DSIGetStatus reply; public for the corpus tests. */
    public static Optional<Service> parse(byte[] r) {
        return serverInfo(r).map(info -> {
            String product = null;
            String version = null;
            Matcher m = NETATALK.matcher(info.machine());
            if (m.matches()) {
                product = "Netatalk";
                version = m.group(1);
            } else if (info.machine().startsWith("Mac") || info.machine().contains("Macintosh")) {
                product = "Apple AFP";
            }
            Service s = Service.of("afp", product, version, "server " + info.name())
                    .withDetail("server_name", info.name())
                    .withDetail("machine", info.machine())
                    .withDetail("afp_versions", String.join(", ", info.versions()))
                    .withDetail("uams", String.join(", ", info.uams()));
            return info.uams().contains("No User Authent") ? s.withDetail("guest", "allowed") : s;
        });
    }

    public static Optional<ServerInfo> serverInfo(byte[] r) {
        try {
            if (r.length < 16 + 12 || r[0] != 1 || r[1] != 3) return Optional.empty();
            if (u32(r, 4) != 0) return Optional.empty();                 // error code
            long length = u32(r, 8);
            if (length < 12 || length > r.length - 16) return Optional.empty();
            byte[] d = new byte[(int) length];
            System.arraycopy(r, 16, d, 0, d.length);
            String machine = pascal(d, u16(d, 0));
            List<String> versions = pascalList(d, u16(d, 2));
            List<String> uams = pascalList(d, u16(d, 4));
            String name = pascal(d, 10);
            if (versions.isEmpty() || versions.stream().noneMatch(v -> v.contains("AFP"))) return Optional.empty();
            return Optional.of(new ServerInfo(name, machine, versions, uams));
        } catch (IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private static String pascal(byte[] d, int at) {
        int len = d[at] & 0xff;
        if (at + 1 + len > d.length) throw new IndexOutOfBoundsException();
        return Connection.excerpt(new String(d, at + 1, len, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.ISO_8859_1), 64);
    }

    private static List<String> pascalList(byte[] d, int at) {
        int count = d[at] & 0xff;
        List<String> out = new ArrayList<>();
        int p = at + 1;
        for (int i = 0; i < count && i < 32; i++) {
            String s = pascal(d, p);
            out.add(s);
            p += 1 + (d[p] & 0xff);
        }
        return out;
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    private static long u32(byte[] b, int at) {
        return ((long) u16(b, at) << 16) | u16(b, at + 2);
    }
}
