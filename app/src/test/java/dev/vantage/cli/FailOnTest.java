package dev.vantage.cli;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * --fail-on end to end: a loopback SMTP server that relays for the test domain is found (high),
 * exit code 3 follows; the owner's override down to "info" (with a note) lets the script pass.
 * The fake server records every command, so the test also proves that no DATA is ever sent.
 */
class FailOnTest {
    private final List<String> commands = new CopyOnWriteArrayList<>();

    private ServerSocket openRelay() throws Exception {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    Thread.ofVirtual().start(() -> converse(s));
                } catch (Exception e) {
                    return;
                }
            }
        });
        return server;
    }

    private void converse(Socket s) {
        try (s) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            out.write("220 relay.test ESMTP fake\r\n".getBytes(StandardCharsets.US_ASCII));
            for (String line; (line = in.readLine()) != null; ) {
                commands.add(line);
                String cmd = line.toUpperCase(Locale.ROOT);
                String reply;
                if (cmd.startsWith("EHLO")) reply = "250-relay.test\r\n250 8BITMIME";
                else if (cmd.startsWith("HELO") || cmd.startsWith("MAIL") || cmd.startsWith("RSET")) reply = "250 OK";
                else if (cmd.startsWith("RCPT")) reply = cmd.contains("VANTAGE.INVALID") ? "250 OK" : "550 no such user";
                else if (cmd.startsWith("QUIT")) {
                    out.write("221 bye\r\n".getBytes(StandardCharsets.US_ASCII));
                    return;
                } else reply = "502 not implemented";
                out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
        } catch (Exception e) {
            // the client went away
        }
    }

    @Test
    void anOpenRelayTripsFailOnUnlessTheOwnerAcceptsIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        try (ServerSocket relay = openRelay()) {
            String port = String.valueOf(relay.getLocalPort());
            CliRun run = CliRun.of("check", "--level", "2", "-pU", "none", "-p", port, "--fail-on", "high", "--format", "json", "127.0.0.1");
            assertEquals(3, run.exitCode(), run.err() + run.out());
            assertTrue(run.err().contains("smtp-open-relay"), run.err());
            assertTrue(run.out().contains("\"smtp-open-relay\""), run.out());

            java.nio.file.Path policy = dir.resolve("policy.yaml");
            java.nio.file.Files.writeString(policy, """
                    overrides:
                      - finding: smtp-open-relay
                        risk: info
                        note: this is my test relay, reachable only in the lab
                    """);
            CliRun accepted = CliRun.of("check", "--level", "2", "-pU", "none", "-p", port, "--fail-on", "high",
                    "--policy", policy.toString(), "127.0.0.1");
            assertEquals(0, accepted.exitCode(), accepted.err());
        }
        assertFalse(commands.isEmpty());
        assertTrue(commands.stream().noneMatch(c -> c.toUpperCase(Locale.ROOT).startsWith("DATA")), "never DATA: " + commands);
    }
}
