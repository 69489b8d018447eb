package dev.vantage.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The tripwire on PostgreSQL, as separate processes of the built jar: a decoy records FTP, HTTP
 * and garbage clients into a throw-away Debian PostgreSQL cluster; `tripwire report` and the
 * owner's `check` read the same database; the tripwire's migrations (V100_x) and the service's
 * (V100, V101, ...) share one schema history without colliding.
 */
class TripwirePostgresIT {
    private static PostgresCluster postgres;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(PostgresCluster.binaries().isPresent(), "needs postgresql and root");
        postgres = PostgresCluster.start("vantage-tripwire-pg");
    }

    @AfterAll
    static void stop() throws Exception {
        if (postgres != null) postgres.close();
    }

    @Test
    void eventsGoToPostgresAndTheOwnersCheckReadsThem() throws Exception {
        String db = postgres.freshDatabase("tripwire");
        int ftp = freePort();
        Process tripwire = new ProcessBuilder(Netns.java(), "-jar", Netns.jar(), "tripwire", "--ports", String.valueOf(ftp),
                "--banner", "ftp", "--bind", "127.0.0.1", "--db", db, "--duration", "12").redirectErrorStream(true).start();
        try {
            String banner;
            try {
                banner = talk(ftp, "USER anonymous\r\n");
            } catch (IOException e) {
                tripwire.destroyForcibly();
                throw new AssertionError("the decoy did not answer; the tripwire said: "
                        + new String(tripwire.getInputStream().readAllBytes(), StandardCharsets.UTF_8), e);
            }
            assertTrue(banner.startsWith("220"), banner);
            talk(ftp, "GET / HTTP/1.0\r\nHost: decoy\r\n\r\n");
            talk(ftp, "\u0000\u00ff\u00fe\u0001garbage\r\n");
            assertTrue(tripwire.waitFor(30, TimeUnit.SECONDS), "the tripwire stops after --duration");
            String said = new String(tripwire.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, tripwire.exitValue(), said);
            assertTrue(said.contains("recording to jdbc:postgresql://127.0.0.1:"), said);
        } finally {
            tripwire.destroyForcibly();
        }

        Run report = run("tripwire", "report", "--db", db, "--format", "json");
        assertEquals(0, report.code(), report.err());
        JsonNode record = new ObjectMapper().readTree(report.out());
        assertEquals(3, record.get("attempts").asInt(), report.out());
        assertEquals("anonymous", record.get("top_users").get(0).get("user").asText(), report.out());

        Path dir = Files.createTempDirectory("vantage-tripwire-pg");
        try {
            Path policy = dir.resolve("policy.yaml");
            Files.writeString(policy, "hosts:\n  - name: decoy host\n    addresses: [127.0.0.1]\n    ports:\n      - port: " + ftp
                    + "\n        decoy: true\n");
            Run check = run("check", "127.0.0.1", "-p", String.valueOf(ftp), "--scan-only", "--policy", policy.toString(), "--db", db,
                    "--format", "json");
            assertEquals(0, check.code(), check.err());
            JsonNode decoys = new ObjectMapper().readTree(check.out()).get("hosts").get(0).get("decoys");
            assertEquals(3, decoys.get(0).get("attempts").asInt(), check.out());
            assertEquals(1, decoys.get(0).get("sources").asInt(), check.out());
            Run again = run("check", "127.0.0.1", "-p", String.valueOf(ftp), "--scan-only", "--policy", policy.toString(), "--db", db);
            assertEquals(0, again.code(), again.err());
            assertTrue(again.out().contains("decoy port " + ftp + ": no attempts since the last check"), again.out());
        } finally {
            MailDaemon.deleteTree(dir);
        }

        List<String> versions = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(db);
             ResultSet rs = c.createStatement().executeQuery("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")) {
            while (rs.next()) versions.add(rs.getString(1));
        }
        assertTrue(versions.containsAll(List.of("100", "100.1", "100.2")), "service and tripwire migrations side by side: " + versions);
        assertFalse(versions.stream().anyMatch(v -> v == null), versions.toString());
    }

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Netns.java(), "-jar", Netns.jar()));
        command.addAll(List.of(args));
        Path err = Files.createTempFile("vantage-it", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("vantage " + String.join(" ", args) + " did not finish");
            }
            return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), Files.readString(err));
        } finally {
            Files.deleteIfExists(err);
        }
    }

    /** Connects (waiting up to 20 s for the decoy to listen), reads the greeting, says {@code line}, and reads until closed or quiet. */
    private static String talk(int port, String line) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
                s.setSoTimeout(5000);
                InputStream in = s.getInputStream();
                byte[] buf = new byte[1024];
                int n = in.read(buf);
                String greeting = n > 0 ? new String(buf, 0, n, StandardCharsets.ISO_8859_1) : "";
                s.getOutputStream().write(line.getBytes(StandardCharsets.ISO_8859_1));
                s.setSoTimeout(1500);      // the decoy may wait for more (a password); we have said what we came to say
                try {
                    while (in.read(buf) >= 0) { /* until the decoy closes */ }
                } catch (IOException ignored) {
                    // a reset is also an end
                }
                return greeting;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) throw e;
                Thread.sleep(50);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
