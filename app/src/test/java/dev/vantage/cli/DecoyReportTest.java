package dev.vantage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The owner's check report shows what the tripwire recorded on the policy's decoy ports: a real
 * tripwire on loopback, real clients from two source addresses, then checks and a report that
 * read the same store.
 */
class DecoyReportTest {
    @TempDir
    Path dir;

    @Test
    void theCheckReportCountsAttemptsOnDecoyPortsSinceThePreviousCheck() throws Exception {
        int decoy = TripwireCommandTest.freePort();
        Path data = dir.resolve("data");
        CompletableFuture<CliRun> tripwire = CompletableFuture.supplyAsync(() -> CliRun.of("tripwire", "--ports", String.valueOf(decoy),
                "--banner", "telnet", "--bind", "127.0.0.1", "--data-dir", data.toString(), "--duration", "3"));
        knock(decoy, "127.0.0.2");
        knock(decoy, "127.0.0.2");
        knock(decoy, "127.0.0.3");
        CliRun stopped = tripwire.get(30, TimeUnit.SECONDS);
        assertEquals(0, stopped.exitCode(), stopped.err());

        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, """
                hosts:
                  - name: login server
                    addresses: [127.0.0.1]
                    ports:
                      - port: %d
                        decoy: true
                """.formatted(decoy));
        Path first = dir.resolve("first.json");
        CliRun check = CliRun.of("check", "127.0.0.1", "-p", String.valueOf(decoy), "--scan-only", "--policy", policy.toString(),
                "--data-dir", data.toString(), "--format", "json", "-o", first.toString());
        assertEquals(0, check.exitCode(), check.err());
        JsonNode d = new ObjectMapper().readTree(first.toFile()).get("hosts").get(0).get("decoys").get(0);
        assertEquals(decoy, d.get("port").asInt());
        assertEquals(3, d.get("attempts").asInt(), d.toString());
        assertEquals(2, d.get("sources").asInt(), d.toString());
        assertFalse(d.get("since_last_check").asBoolean(), "no check before this one");

        CliRun again = CliRun.of("check", "127.0.0.1", "-p", String.valueOf(decoy), "--scan-only", "--policy", policy.toString(),
                "--data-dir", data.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("decoy port " + decoy + ": no attempts since the last check ("), again.out());

        // The saved first result, rendered later, shows the same window as when it ran.
        CliRun report = CliRun.of("report", first.toString(), "--policy", policy.toString(), "--data-dir", data.toString());
        assertEquals(0, report.exitCode(), report.err());
        assertTrue(report.out().contains("decoy port " + decoy + ": 3 attempts from 2 sources since the tripwire began watching it ("),
                report.out());
        CliRun ja = CliRun.of("report", first.toString(), "--policy", policy.toString(), "--data-dir", data.toString(), "--lang", "ja",
                "--format", "html");
        assertEquals(0, ja.exitCode(), ja.err());
        assertTrue(ja.out().contains("おとりのポート " + decoy + ": ") && ja.out().contains("2 か所の接続元から3 回の接続の試み"), ja.out());

        // Without the record the report is silent about decoys rather than claiming "no attempts".
        CliRun elsewhere = CliRun.of("report", first.toString(), "--policy", policy.toString(), "--data-dir", dir.resolve("none").toString());
        assertEquals(2, elsewhere.exitCode(), "a named database that does not exist is bad input: " + elsewhere.err());
        assertTrue(elsewhere.err().startsWith("vantage: "), elsewhere.err());
        assertFalse(elsewhere.err().contains("Exception"), elsewhere.err());
        CliRun noDecoys = CliRun.of("report", first.toString(), "--data-dir", dir.resolve("none").toString());
        assertEquals(0, noDecoys.exitCode(), "without decoys in the policy no database is opened: " + noDecoys.err());
        assertFalse(noDecoys.out().contains("decoy port"), noDecoys.out());
    }

    /** A TELNET client from {@code source} that reads the login prompt, sends a user name and leaves. */
    private static void knock(int port, String source) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            try (Socket s = new Socket()) {
                s.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
                s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                s.setSoTimeout(5000);
                TripwireCommandTest.readUntil(s.getInputStream(), "login: ");
                s.getOutputStream().write("root\r\n".getBytes(StandardCharsets.US_ASCII));
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) throw e;
                Thread.sleep(50);
            }
        }
    }
}
