package dev.vantage.check.builtin;

import dev.vantage.check.Finding;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TelnetIdentChecksTest {

    /** A telnetd-like server: negotiates, waits for the client's answers, then shows its prompt. */
    @Test
    void telnetPromptAfterRefusedOptions() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<byte[]> clientSaid = CompletableFuture.supplyAsync(() -> {
                try (Socket s = server.accept()) {
                    s.setSoTimeout(5000);
                    OutputStream out = s.getOutputStream();
                    out.write(new byte[] {(byte) 0xff, (byte) 0xfd, 24, (byte) 0xff, (byte) 0xfb, 1});
                    out.flush();
                    byte[] answer = s.getInputStream().readNBytes(6);
                    out.write("\r\nDebian GNU/Linux 12\r\nmail login: ".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    try {
                        s.getInputStream().read();  // until the client closes (with a reset: it lingers 0)
                    } catch (IOException closed) {
                        // expected
                    }
                    return answer;
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            List<Finding> f = new TelnetCleartextCheck().run(MailCheckContext.of("telnet", server.getLocalPort()));
            assertArrayEquals(new byte[] {(byte) 0xff, (byte) 0xfc, 24, (byte) 0xff, (byte) 0xfe, 1}, clientSaid.get(5, TimeUnit.SECONDS));
            assertEquals(1, f.size());
            assertEquals("TELNET login prompt \"mail login:\" after option negotiation (DO TERMINAL-TYPE, WILL ECHO)", f.get(0).evidence());
        }
    }

    @Test
    void closedAtOnceIsNoFinding() {
        assertNull(TelnetCleartextCheck.judge(new byte[0]));
        assertTrue(TelnetCleartextCheck.judge(new byte[] {(byte) 0xff, (byte) 0xfd, 24}).evidence().contains("DO TERMINAL-TYPE"));
    }

    /**
     * An ident daemon that knows its own connections: it answers USERID only for the port pair of a
     * connection it really has, as oidentd does.
     */
    @Test
    void identNamesTheOwnerOfOurOwnConnection() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            int port = server.getLocalPort();
            List<Integer> peers = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        peers.add(s.getPort());
                        Thread.ofVirtual().start(() -> answer(s, port, peers));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            List<Finding> f = new IdentDisclosureCheck().run(MailCheckContext.of("ident", port));
            assertEquals(1, f.size(), "peers: " + peers);
            assertTrue(f.get(0).evidence().endsWith(": user identd"), f.get(0).evidence());
        }
    }

    private static void answer(Socket s, int port, List<Integer> peers) {
        try (s) {
            s.setSoTimeout(5000);
            String q = readLine(s.getInputStream());
            String[] p = q.split(",");
            int theirs = Integer.parseInt(p[1].strip());
            boolean known = Integer.parseInt(p[0].strip()) == port && peers.contains(theirs);
            String reply = known ? port + " , " + theirs + " : USERID : UNIX : identd" : q + " : ERROR : NO-USER";
            s.getOutputStream().write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            // the held connection never asks anything; it ends when the check closes it
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) if (c != '\r') b.write(c);
        return b.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void identTokensAndErrorsAreNoFinding() {
        assertEquals(List.of(), IdentDisclosureCheck.judge("113, 1", "113,1:ERROR:NO-USER"));
        assertEquals(List.of(), IdentDisclosureCheck.judge("113, 1", "113,1:USERID:OTHER:a8f3c2"));
        assertEquals(1, IdentDisclosureCheck.judge("113, 1", "113,1:USERID:UNIX:root").size());
    }
}
