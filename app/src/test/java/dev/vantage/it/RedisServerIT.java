package dev.vantage.it;

import dev.vantage.probe.Service;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's redis-server, twice on loopback: open, and with {@code requirepass}. Identification
 * must equal nmap -sV (product, and version where Redis reveals it) and the server's own
 * version; {@code redis-no-auth} must appear for the open one only.
 */
class RedisServerIT {
    private static final String REDIS = "/usr/bin/redis-server";
    private static DataDaemons daemons;
    private static int open;
    private static int locked;

    @BeforeAll
    static void up() throws Exception {
        assumeTrue(DataDaemons.usable(REDIS), "needs root and redis-server");
        daemons = new DataDaemons("vantage-redis");
        open = DataDaemons.freeTcpPort();
        locked = DataDaemons.freeTcpPort();
        for (int port : new int[] {open, locked}) {
            List<String> cmd = new java.util.ArrayList<>(List.of(REDIS, "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--daemonize", "no", "--dir", daemons.dir.toString(),
                    "--logfile", ""));
            if (port == locked) cmd.addAll(List.of("--requirepass", "vantage-it-secret"));
            daemons.startTcp("redis-" + port, port, cmd.toArray(String[]::new));
        }
    }

    @AfterAll
    static void down() throws Exception {
        if (daemons != null) daemons.close();
    }

    private static String ownVersion() throws Exception {
        Matcher m = Pattern.compile("v=([\\d.]+)").matcher(DataDaemons.run(20, REDIS, "--version"));
        assertTrue(m.find());
        return m.group(1);
    }

    @Test
    void anOpenRedisIsIdentifiedAsNmapNamesItAndReported() throws Exception {
        Service s = DataDaemons.identify(open);
        assertEquals("redis", s.name());
        assertEquals("Redis key-value store", s.product());
        assertEquals(ownVersion(), s.version());
        Optional<DataDaemons.NmapService> nmap = daemons.nmap(false, open, 6379, null);
        if (nmap.isPresent()) {
            assertEquals(nmap.get().product(), s.product());
            assertEquals(nmap.get().versionOrNull(), s.version());
        }
        assertEquals(List.of("redis-no-auth"), DataDaemons.findings(open, s));
    }

    @Test
    void aRedisWithAPasswordIsIdentifiedButNotReported() throws Exception {
        Service s = DataDaemons.identify(locked);
        assertEquals("redis", s.name());
        assertEquals("Redis key-value store", s.product());
        assertEquals("required", s.details().get("auth"));
        Optional<DataDaemons.NmapService> nmap = daemons.nmap(false, locked, 6379, null);
        if (nmap.isPresent()) {
            assertEquals(nmap.get().product(), s.product());
            assertEquals(nmap.get().versionOrNull(), s.version());
        }
        assertEquals(List.of(), DataDaemons.findings(locked, s));
    }
}
