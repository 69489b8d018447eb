package dev.vantage.it;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A decoy port below 1024 without root: as user nobody the tripwire refuses in one sentence that
 * names the capability route; as nobody with CAP_NET_BIND_SERVICE in its ambient set (what the
 * systemd unit's AmbientCapabilities= gives) it listens. Loopback only.
 */
class TripwirePrivilegedPortIT {
    @Test
    void belowTenTwentyFourTheCapabilityIsWhatItTakes() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs root and setpriv");
        int port = freePrivilegedPort();
        Path dir = Files.createTempDirectory("vantage-tripwire-priv");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));   // nobody writes the database here
        try {
            Result refused = runAsNobody(dir, port, false);
            assertEquals(2, refused.exitCode(), refused.output());
            assertTrue(refused.output().contains("vantage: Port " + port + " is below 1024, which takes privilege to bind: run the tripwire"
                    + " as an ordinary user that has the CAP_NET_BIND_SERVICE capability"), refused.output());

            Result allowed = runAsNobody(dir, port, true);
            assertEquals(0, allowed.exitCode(), allowed.output());
            assertTrue(allowed.output().contains("tripwire: listening on 127.0.0.1:" + port + " (none)"), allowed.output());
        } finally {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    private record Result(int exitCode, String output) {}

    private static Result runAsNobody(Path dir, int port, boolean withCapability) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
        if (withCapability) cmd.addAll(List.of("--inh-caps=+net_bind_service", "--ambient-caps=+net_bind_service"));
        cmd.addAll(List.of(Netns.java(), "-jar", Netns.jar(), "tripwire", "--ports", String.valueOf(port), "--bind", "127.0.0.1",
                "--data-dir", dir.resolve("data").toString(), "--duration", "1"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "did not end");
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** A port between 900 and 1023 that nothing listens on at 127.0.0.1 (we are root here, so we may try). */
    private static int freePrivilegedPort() throws IOException {
        for (int port = 1023; port >= 900; port--) {
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            } catch (IOException taken) {
                // try the next
            }
        }
        throw new IOException("no free port between 900 and 1023 on 127.0.0.1");
    }
}
