package dev.vantage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code vantage tripwire} and {@code vantage tripwire report} in-process, on loopback. */
class TripwireCommandTest {
    @TempDir
    Path dir;

    @Test
    void runsForItsDurationRecordsAConnectionAndReportsItInEveryFormat() throws Exception {
        int port = freePort();
        Path data = dir.resolve("data");
        Path log = dir.resolve("events.jsonl");
        CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.of("tripwire", "--ports", String.valueOf(port),
                "--banner", "telnet", "--bind", "127.0.0.1", "--data-dir", data.toString(), "--log", log.toString(), "--duration", "3"));
        try (Socket s = connectWhenListening(port)) {
            s.setSoTimeout(5000);
            InputStream in = s.getInputStream();
            readUntil(in, "login: ");
            s.getOutputStream().write("admin\r\n".getBytes(StandardCharsets.US_ASCII));
            readUntil(in, "Password: ");
            s.getOutputStream().write("Cli-Secret-3317\r\n".getBytes(StandardCharsets.US_ASCII));
            readUntil(in, "Login incorrect");
        }
        CliRun r = run.get(30, TimeUnit.SECONDS);
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("tripwire: listening on 127.0.0.1:" + port + " (telnet); recording to jdbc:h2:file:"), r.err());
        assertTrue(r.err().contains("tripwire: stopped after "), r.err());
        assertTrue(r.err().contains(" 1 connections (1 served, 0 over capacity, 0 rate-limited), 1 stored, 0 dropped"), r.err());
        assertTrue(Files.readString(log).contains("\"user\":\"admin\""));
        assertFalse(Files.readString(log).contains("Cli-Secret-3317"));

        CliRun json = CliRun.of("tripwire", "report", "--data-dir", data.toString(), "--format", "json");
        assertEquals(0, json.exitCode(), json.err());
        JsonNode record = new ObjectMapper().readTree(json.out());
        assertEquals(1, record.get("attempts").asInt());
        assertEquals(port, record.get("ports").get(0).get("port").asInt());
        assertEquals("admin", record.get("top_users").get(0).get("user").asText());
        assertEquals("127.0.0.1", record.get("top_sources").get(0).get("source").asText());
        assertEquals("", json.err());

        CliRun text = CliRun.of("tripwire", "report", "--data-dir", data.toString(), "--lang", "ja", "--mask-sources", "--since", "1d");
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("ネットワーク攻撃記録"), text.out());
        assertTrue(text.out().contains("127.0.0.x"), text.out());

        Path html = dir.resolve("record.html");
        CliRun page = CliRun.of("tripwire", "report", "--data-dir", data.toString(), "--format", "html", "--mask-sources", "-o", html.toString());
        assertEquals(0, page.exitCode(), page.err());
        assertEquals("", page.out());
        String content = Files.readString(html);
        assertTrue(content.contains("<svg ") && content.contains("127.0.0.x") && !content.contains("127.0.0.1"), content);
    }

    static Stream<Arguments> badCommandLines() {
        return Stream.of(
                Arguments.of(new String[] {"tripwire", "--duration", "1"}, "Give the decoy ports with --ports"),
                Arguments.of(new String[] {"tripwire", "--ports", "0"}, "Port 0"),
                Arguments.of(new String[] {"tripwire", "--ports", "2323", "--banner", "gopher"}, "Unknown banner 'gopher'"),
                Arguments.of(new String[] {"tripwire", "--ports", "2323", "--banner", "23=telnet"}, "--banner names port 23, which is not in --ports."),
                Arguments.of(new String[] {"tripwire", "--ports", "2323", "--bind", "localhost"}, "--bind takes an IP address"),
                Arguments.of(new String[] {"tripwire", "--ports", "2323", "--max-connections", "0"}, "--max-connections must be"),
                Arguments.of(new String[] {"tripwire", "--ports", "2323", "--db", "jdbc:mysql://x/y"}, "Unsupported database URL"),
                Arguments.of(new String[] {"tripwire", "--ports", "2323", "--db", "jdbc:h2:mem:x", "--data-dir", "/tmp"}, "Give either --db or --data-dir"),
                Arguments.of(new String[] {"tripwire", "report", "--data-dir", "/nonexistent/vantage"}, "There is no database at /nonexistent/vantage/vantage.mv.db"),
                Arguments.of(new String[] {"tripwire", "report", "--since", "last tuesday", "--db", "jdbc:h2:mem:r"}, "Cannot read --since 'last tuesday'"),
                Arguments.of(new String[] {"tripwire", "report", "--lang", "fr", "--db", "jdbc:h2:mem:r"}, "Unknown language 'fr'"),
                Arguments.of(new String[] {"tripwire", "report", "--format", "pdf"}, "--format"));
    }

    @ParameterizedTest
    @MethodSource("badCommandLines")
    void badInputIsOneSentenceAndExitTwo(String[] args, String expected) {
        CliRun r = CliRun.of(args);
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void aPortInUseIsBadInput() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CliRun r = CliRun.of("tripwire", "--ports", String.valueOf(taken.getLocalPort()), "--bind", "127.0.0.1",
                    "--data-dir", dir.toString(), "--duration", "1");
            assertEquals(2, r.exitCode(), r.err());
            assertTrue(r.err().contains("is already in use; stop the program listening there or choose another decoy port."), r.err());
        }
    }

    private static Socket connectWhenListening(int port) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return s;
            } catch (IOException e) {
                s.close();
                if (System.nanoTime() > deadline) throw e;
                Thread.sleep(50);
            }
        }
    }

    static void readUntil(InputStream in, String marker) throws IOException {
        StringBuilder heard = new StringBuilder();
        byte[] buf = new byte[512];
        while (heard.indexOf(marker) < 0) {
            int n = in.read(buf);
            if (n < 0) throw new IOException("closed before '" + marker + "': " + heard);
            heard.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
