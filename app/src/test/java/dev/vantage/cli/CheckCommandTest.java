package dev.vantage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The check command end to end on loopback, in-process: text, JSON, files, show-all, dry run. */
class CheckCommandTest {
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) c.close();
    }

    private int listener(boolean closeAtOnce) throws Exception {
        ServerSocket s = new ServerSocket();
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        open.add(s);
        List<Socket> held = new ArrayList<>();
        open.add(() -> { for (Socket c : held) c.close(); });
        Thread.ofVirtual().start(() -> {
            try {
                while (true) {
                    Socket c = s.accept();
                    if (closeAtOnce) c.close(); else held.add(c);
                }
            } catch (Exception e) {
                // closed at the end of the test
            }
        });
        return s.getLocalPort();
    }

    @Test
    void jsonResultHasTheDocumentedShape(@TempDir Path dir) throws Exception {
        int web = listener(false);
        int wrapped = listener(true);
        Path out = dir.resolve("result.json");
        String ports = web + "," + wrapped + ",1-100";
        CliRun run = CliRun.of("check", "-p", ports, "--format", "json", "-o", out.toString(), "127.0.0.1");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.out());
        assertFalse(Files.exists(dir.resolve(".result.json.partial")));

        JsonNode root = new ObjectMapper().readTree(out.toFile());
        assertEquals("vantage-scan/1", root.get("schema").asText());
        assertTrue(root.get("command_line").asText().startsWith("vantage check -p "));
        JsonNode host = root.get("hosts").get(0);
        assertEquals("127.0.0.1", host.get("address").asText());
        JsonNode listed = host.get("ports");
        assertEquals(2, listed.size(), listed.toString());
        assertEquals(Math.min(web, wrapped), listed.get(0).get("port").asInt());
        for (JsonNode p : listed) {
            String expected = p.get("port").asInt() == web ? "open" : "open-restricted";
            assertEquals(expected, p.get("state").asText());
            assertEquals("tcp", p.get("protocol").asText());
            assertTrue(p.get("rtt_ms").isNumber());
            assertTrue(p.get("reason").isTextual());
        }
        assertEquals(100, host.get("closed").get("count").asInt());
        assertEquals("1-100", host.get("closed").get("ranges").asText());
        assertEquals(0, host.get("filtered").get("count").asInt());
        JsonNode totals = root.get("totals");
        assertEquals(1, totals.get("open").asInt());
        assertEquals(1, totals.get("open_restricted").asInt());
        assertEquals(100, totals.get("closed").asInt());
        assertTrue(root.get("elapsed_ms").asLong() >= 0);
    }

    @Test
    void showAllListsEveryPort() throws Exception {
        int web = listener(false);
        CliRun run = CliRun.of("check", "-p", "1-50," + web, "--format", "json", "--show-all", "127.0.0.1");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode ports = new ObjectMapper().readTree(run.out()).get("hosts").get(0).get("ports");
        assertEquals(51, ports.size());
        JsonNode closed = ports.get(0);
        assertEquals("closed", closed.get("state").asText());
        assertEquals("conn-refused", closed.get("reason").asText());
        // A closed port carries the reachability fields alone: nothing answers there to rate.
        List<String> fields = new ArrayList<>();
        closed.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("port", "protocol", "state", "reason", "rtt_ms", "attempts"), fields);
        assertTrue(closed.get("rtt_ms").isNumber() && closed.get("attempts").asInt() >= 1, closed.toString());
        JsonNode open = ports.get(50);
        assertEquals(web, open.get("port").asInt());
        assertEquals("open", open.get("state").asText());
        assertTrue(open.has("risk") && open.has("service_key"), "an open port is still explained: " + open);
    }

    @Test
    void textReportShowsHostsSideBySideAndCountsTheRest() throws Exception {
        int web = listener(false);
        CliRun run = CliRun.of("check", "-p", web + ",1-20", "127.0.0.1", "::1");
        assertEquals(0, run.exitCode(), run.err());
        String row = run.out().lines().filter(l -> l.contains(web + "/tcp")).findFirst().orElseThrow(() -> new AssertionError(run.out()));
        assertTrue(row.matches(".*\\bopen\\b.*\\bclosed\\b.*"), "open on 127.0.0.1, closed on ::1, side by side: " + row);
        assertTrue(run.out().contains("Closed ports: 20."), run.out());
        assertTrue(run.out().indexOf("127.0.0.1") < run.out().indexOf("::1"), "hosts in the order given");
        assertTrue(run.out().contains("Confidential"), run.out());
        assertEquals("", run.err(), "no progress bar when stderr is not a terminal");
    }

    @Test
    void manyHostsGetOneStreamedTablePerHost() throws Exception {
        CliRun run = CliRun.of("check", "-p", "1-3", "127.0.1.0/26");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("closed: 3 (1-3)"), run.out());
        assertTrue(run.out().contains("Done: 64 addresses"), run.out());
    }

    @Test
    void targetFileAndDryRun(@TempDir Path dir) throws Exception {
        Path list = dir.resolve("hosts.txt");
        Files.writeString(list, "# two loopback hosts\n127.0.0.1\n127.0.0.2\n");
        CliRun run = CliRun.of("check", "--dry-run", "-iL", list.toString(), "--level", "2");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Would check 2 addresses × 65535 TCP ports"), run.out());
        CliRun level1 = CliRun.of("check", "--dry-run", "127.0.0.1");
        assertTrue(level1.out().contains("× " + dev.vantage.target.NamedPortSets.wellKnown().size() + " TCP ports"), level1.out());
    }

    /**
     * The scan method: a bad name and an impossible SYN scan (IPv6 target) are refused before
     * anything is sent; the JSON says which method ran, and both methods agree on a listener.
     */
    @Test
    void scanMethodIsChosenRefusedAndRecorded() throws Exception {
        CliRun bogus = CliRun.of("check", "--scan-method", "stealth", "127.0.0.1");
        assertEquals(2, bogus.exitCode(), bogus.err());
        assertTrue(bogus.err().contains("--scan-method must be auto, connect or syn"), bogus.err());

        CliRun v6 = CliRun.of("check", "--scan-method", "syn", "-p", "1", "::1");
        assertEquals(2, v6.exitCode(), v6.err());
        assertTrue(v6.err().contains("--scan-method syn is not possible here"), v6.err());
        assertFalse(v6.err().contains("Exception"), v6.err());

        try (java.net.ServerSocket listener = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            String port = String.valueOf(listener.getLocalPort());
            boolean root = "root".equals(System.getProperty("user.name"));
            for (String method : root ? List.of("connect", "syn", "auto") : List.of("connect", "auto")) {
                CliRun r = CliRun.of("check", "--scan-only", "--scan-method", method, "--format", "json", "-p", port, "127.0.0.1");
                assertEquals(0, r.exitCode(), r.err());
                String expected = method.equals("auto") ? (root ? "syn" : "connect") : method;
                assertTrue(r.out().contains("\"scan_method\" : \"" + expected + "\""), method + ": " + r.out());
                assertTrue(r.out().contains("\"port\" : " + port) && r.out().contains("\"state\" : \"open\""), method + ": " + r.out());
            }
        }
    }

    @Test
    void helpAndVersionExitZero() {
        assertEquals(0, CliRun.of("--version").exitCode());
        CliRun help = CliRun.of("check", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("--show-all"));
    }
}
