package dev.vantage.probe.builtin;

import dev.vantage.probe.Connection;
import dev.vantage.probe.ProbeInfo;
import dev.vantage.probe.Service;
import dev.vantage.probe.ServiceProbe;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL and MariaDB greet first: a packet (3-byte length, sequence 0) holding protocol 10, the
 * server version and the authentication plugin. nmap calls both {@code MySQL} and reports the
 * version string whole ({@code 5.5.5-10.11.6-MariaDB-0+deb12u1}); MariaDB's own version goes
 * into the details. A server that refuses our address sends an error packet instead
 * ({@code Host '…' is not allowed to connect to this MariaDB server}).
 */
public final class MysqlProbe implements ServiceProbe {
    private static final Pattern VERSION = Pattern.compile("^[\\w.+~:-]{1,60}$");
    private static final Pattern MARIADB = Pattern.compile("(?:^5\\.5\\.5-)?(\\d+\\.\\d+\\.\\d+)-MariaDB");
    private static final Pattern REFUSED = Pattern.compile("is not allowed to connect to this (MySQL|MariaDB) server");

    @Override
    public ProbeInfo info() {
        return new ProbeInfo("mysql", "mysql", Set.of(3306), false);
    }

    @Override
    public Optional<Service> fromGreeting(byte[] g) {
        return parse(g);
    }

    /** Recognises a greeting or an error packet; public for the corpus and fuzz tests. */
    public static Optional<Service> parse(byte[] g) {
        if (g.length < 5) return Optional.empty();
        int length = (g[0] & 0xff) | (g[1] & 0xff) << 8 | (g[2] & 0xff) << 16;
        if (g[3] != 0 || length < 1 || length > 1024) return Optional.empty();   // sequence 0, a sane size
        int end = Math.min(g.length, 4 + length);
        int kind = g[4] & 0xff;
        if (kind == 0xff) return errorPacket(g, end);
        if (kind != 10) return Optional.empty();
        int zero = 5;
        while (zero < end && g[zero] != 0) zero++;
        if (zero >= end) return Optional.empty();
        String version = new String(g, 5, zero - 5, StandardCharsets.ISO_8859_1);
        if (!VERSION.matcher(version).matches()) return Optional.empty();
        Service s = Service.of("mysql", "MySQL", version, Connection.excerpt(version.getBytes(StandardCharsets.ISO_8859_1), 80))
                .withDetail("protocol", "10");
        Matcher maria = MARIADB.matcher(version);
        if (maria.find()) s = s.withDetail("mariadb_version", maria.group(1));
        int afterSalt = zero + 1 + 4 + 8 + 1;               // thread id, first salt part, filler
        if (afterSalt + 2 <= end) {
            int caps = (g[afterSalt] & 0xff) | (g[afterSalt + 1] & 0xff) << 8;
            s = s.withDetail("ssl", (caps & 0x0800) != 0 ? "offered" : "not offered");
        }
        return Optional.of(s);
    }

    private static Optional<Service> errorPacket(byte[] g, int end) {
        if (end < 8) return Optional.empty();
        int at = 7;                                         // 0xff, two bytes of error code
        if (g[at] == '#') at += 6;                          // SQL state marker and five characters
        if (at >= end) return Optional.empty();
        String message = new String(g, at, end - at, StandardCharsets.ISO_8859_1);
        Matcher refused = REFUSED.matcher(message);
        if (refused.find()) {
            return Optional.of(Service.of("mysql", refused.group(1), null,
                    Connection.excerpt(message.getBytes(StandardCharsets.ISO_8859_1), 120)).withDetail("refused", "host not allowed"));
        }
        if (message.startsWith("Too many connections") || message.contains("is blocked because of many connection errors")) {
            return Optional.of(Service.of("mysql", "MySQL", null,
                    Connection.excerpt(message.getBytes(StandardCharsets.ISO_8859_1), 120)).withDetail("refused", "busy or blocked"));
        }
        return Optional.empty();
    }
}
